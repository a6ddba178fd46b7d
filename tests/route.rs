//! Every address the app writes or a resident types, read and written natively.

use anyang_guide::route::{Back, Route};

#[test]
fn every_address_the_app_writes_reads_back() {
    let cases = [
        ("/", Route::Start),
        ("/household", Route::Household { back: None, event: None }),
        ("/household?event=baby", Route::Household { back: None, event: Some("baby".into()) }),
        ("/household?return=check", Route::Household { back: Some(Back::Check), event: None }),
        ("/q/age/0", Route::Question { key: "age".into(), who: "0".into(), back: None }),
        ("/q/area/h?return=results", Route::Question { key: "area".into(), who: "h".into(), back: Some(Back::Results) }),
        ("/check", Route::Check),
        ("/results", Route::Results),
        ("/results#p=eyJ2IjoxfQ", Route::Results),
        ("/source/vaccination", Route::Source("vaccination".into())),
    ];
    for (address, route) in cases {
        assert_eq!(Route::parse(address), route, "{address}");
        if !address.contains('#') {
            assert_eq!(route.address(), address, "{route:?} is written as it is read");
        }
    }
    assert_eq!(Route::question("age", Some(0), None), Route::parse("/q/age/0"));
    assert_eq!(Route::question("area", None, Some(Back::Check)).address(), "/q/area/h?return=check");
    let both = Route::Household { back: Some(Back::Results), event: Some("baby".into()) };
    assert_eq!(Route::parse(&both.address()), both);
    assert_eq!(Route::parse(&Route::NotFound.address()), Route::NotFound);
}

#[test]
fn anything_else_is_not_found_or_ignored() {
    for address in ["/nope", "/q/age", "/q/age/0/1", "/q//0", "/source/", "/check/", "/results/x", "//"] {
        assert_eq!(Route::parse(address), Route::NotFound, "{address}");
    }
    // An unknown or empty return is no return; other parameters are ignored.
    assert_eq!(Route::parse("/q/age/0?return=elsewhere&x=1"), Route::Question { key: "age".into(), who: "0".into(), back: None });
    assert_eq!(Route::parse("/household?event=&returned=check"), Route::Household { back: None, event: None });
}
