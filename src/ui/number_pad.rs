//! 数字键盘: a kiosk has no keyboard, and often no on-screen one from the
//! system, so an age is typed on large buttons under its field (whose own
//! keyboard is turned off with `inputmode="none"`).

use super::app::tr;
use leptos::prelude::*;

/// The longest number asked (an age up to 120).
const DIGITS: usize = 3;

#[component]
pub fn NumberPad(value: Signal<String>, set: Callback<String>, label: Signal<String>) -> impl IntoView {
    let press = move |key: Key| {
        // A field that held "不确定" starts afresh.
        let mut v: String = value.get_untracked().chars().filter(char::is_ascii_digit).collect();
        match key {
            Key::Digit(d) if v.len() < DIGITS => v.push(d),
            Key::Digit(_) => {}
            Key::Delete => {
                v.pop();
            }
            Key::Clear => v.clear(),
        }
        set.run(v);
    };
    let key = move |k: Key, text: Signal<String>| view! { <button type="button" class="key" on:click=move |_| press(k)>{text}</button> };
    let digit = |d: char| key(Key::Digit(d), Signal::stored(d.to_string()));
    view! {
        <div class="pad" role="group" aria-label=label>
            {['1', '2', '3', '4', '5', '6', '7', '8', '9'].map(digit)}
            {key(Key::Clear, Signal::derive(move || tr(|m| m.pad_clear)().to_string()))}
            {digit('0')}
            {key(Key::Delete, Signal::derive(move || tr(|m| m.pad_delete)().to_string()))}
        </div>
    }
}

#[derive(Clone, Copy)]
enum Key {
    Digit(char),
    Delete,
    Clear,
}
