//! Typed input in the order it arrived. When a key that moves the focus (Tab, Enter, an
//! arrow) and more input come in one frame (a fast typist on a slow PC), the input after the
//! key is held for the next frame, so that it goes to the field the key moved to, as the
//! clerk saw it going; held input is given back at the start of the next frame.

use egui::{Context, Event, FocusDirection, Key};

/// Input held back for the next frame.
#[derive(Default)]
pub struct InputOrder {
    held: Vec<Event>,
}

impl InputOrder {
    /// At the start of a frame: gives back what was held, then holds whatever follows the
    /// first key that moves the focus.
    pub fn apply(&mut self, ctx: &Context) {
        let replayed = std::mem::take(&mut self.held);
        let replayed_count = replayed.len();
        let mut held = Vec::new();
        let mut replayed_tab = None;
        ctx.input_mut(|input| {
            input.events.splice(0..0, replayed);
            let Some(k) = input.events.iter().position(moves_focus) else {
                return;
            };
            held = input.events.split_off(k + 1);
            // A Tab given back was not seen when the frame began: move the focus for it
            // (Enter and the arrows are the form's own keys).
            if k < replayed_count
                && let Event::Key {
                    key: Key::Tab,
                    modifiers,
                    ..
                } = input.events[k]
            {
                replayed_tab = Some(if modifiers.shift {
                    FocusDirection::Previous
                } else {
                    FocusDirection::Next
                });
            }
        });
        if let Some(direction) = replayed_tab {
            ctx.memory_mut(|m| m.move_focus(direction));
        }
        if !held.is_empty() {
            self.held = held;
            ctx.request_repaint();
        }
    }

    /// Input is held for the next frame.
    pub fn is_holding(&self) -> bool {
        !self.held.is_empty()
    }
}

/// A key press that may move the keyboard focus to another field.
fn moves_focus(event: &Event) -> bool {
    matches!(
        event,
        Event::Key {
            key: Key::Tab
                | Key::Enter
                | Key::ArrowUp
                | Key::ArrowDown
                | Key::ArrowLeft
                | Key::ArrowRight,
            pressed: true,
            ..
        }
    )
}
