//! Views built node by node, for everything the first visit loads: the list page and
//! its cards, sign-in, the top bar's account items, loading and failure states.
//!
//! Why not `view!`: every `view!` is a type of its own, and Leptos compiles build,
//! rebuild and unmount code for each one, which made those views most of the wasm.
//! Here an element is made by plain, non-generic calls, and each reactive part is a
//! closure run by one kind of effect, so the code grows with what a view does, not
//! with how many types it has. Signals, memos and owners are still Leptos's: what
//! `watch`, `rebuilt`, `keyed` and `on` start stops when the owner they were made
//! under is cleaned up (a card leaving the window, a screen being replaced).
//!
//! Everything from outside goes in as a text node or an attribute value, never as
//! HTML.

use std::cell::RefCell;
use std::collections::{HashMap, HashSet};
use std::rc::Rc;

use leptos::prelude::*;
use leptos::reactive::effect::RenderEffect;
use leptos::tachys::html::attribute::Attribute;
use leptos::tachys::hydration::Cursor;
use leptos::tachys::renderer::dom::Dom;
use leptos::tachys::view::add_attr::AddAnyAttr;
use leptos::tachys::view::{Mountable, Position, PositionState, Render, RenderHtml};
use send_wrapper::SendWrapper;
use wasm_bindgen::JsCast;
use web_sys::{Element, Event, Node};

/// A new `<tag>` with `class` (none if empty).
pub fn element(tag: &str, class: &str) -> Element {
    let element = Dom::create_element(tag, None);
    if !class.is_empty() {
        element.set_class_name(class);
    }
    element
}

/// Sets an attribute. Names are this program's own; values may be anything.
pub fn set(element: &Element, name: &str, value: &str) {
    let _ = element.set_attribute(name, value);
}

/// Sets the attribute when `value` is `Some`, removes it when `None`; nothing when
/// it already is so.
pub fn set_or_remove(element: &Element, name: &str, value: Option<&str>) {
    if element.get_attribute(name).as_deref() == value {
        return;
    }
    match value {
        Some(value) => set(element, name, value),
        None => {
            let _ = element.remove_attribute(name);
        }
    }
}

/// Appends `child` to `parent`.
pub fn append(parent: &Node, child: &Node) {
    let _ = parent.append_child(child);
}

/// Appends `text` as a text node.
pub fn append_text(parent: &Node, text: &str) {
    append(parent, &document().create_text_node(text));
}

/// A new `<tag class=…>` holding `text` (nothing if empty).
pub fn text_element(tag: &str, class: &str, text: &str) -> Element {
    let element = element(tag, class);
    if !text.is_empty() {
        element.set_text_content(Some(text));
    }
    element
}

/// A `text_element` appended to `parent`, and returned to add to it.
pub fn add(parent: &Node, tag: &str, class: &str, text: &str) -> Element {
    let child = text_element(tag, class, text);
    append(parent, &child);
    child
}

/// A `<button type="button" class=…>` holding `text`, appended to `parent`, that
/// calls `on_click` until the owner is cleaned up.
pub fn add_button(
    parent: &Node,
    class: &str,
    text: &str,
    on_click: impl FnMut(Event) + 'static,
) -> Element {
    let button = add(parent, "button", class, text);
    set(&button, "type", "button");
    on(&button, "click", on_click);
    button
}

/// Runs `update` now, and again whenever a signal it reads changes.
pub fn watch(update: impl Fn() + 'static) {
    keep(RenderEffect::new(move |_: Option<()>| update()));
}

/// A `watch` that sets `node`'s text (only when it changes: "3 hours ago" is
/// worked out every second).
pub fn watch_text(node: &Node, text: impl Fn() -> String + 'static) {
    let node = node.clone();
    watch(move || {
        let text = text();
        if node.text_content().as_deref() != Some(text.as_str()) {
            node.set_text_content(Some(&text));
        }
    });
}

/// A `watch` that sets (`Some`) or removes (`None`) an attribute.
pub fn watch_attr(
    element: &Element,
    name: &'static str,
    value: impl Fn() -> Option<String> + 'static,
) {
    let element = element.clone();
    watch(move || set_or_remove(&element, name, value().as_deref()));
}

/// A `watch` that adds or removes one class.
pub fn watch_class(element: &Element, class: &'static str, on: impl Fn() -> bool + 'static) {
    let element = element.clone();
    watch(move || {
        let _ = element.class_list().toggle_with_force(class, on());
    });
}

/// The node `build` makes of `key()`, replaced by a new one whenever `key()`
/// changes (only the signals `key` reads are followed). What the previous node's
/// build started (its watchers and listeners) stops first; an unchanged key leaves
/// the node, and whatever has focus in it, alone.
pub fn rebuilt<K: PartialEq + 'static>(
    key: impl Fn() -> K + 'static,
    build: impl Fn(&K) -> Node + 'static,
) -> Node {
    let current = Rc::new(RefCell::new(None::<(K, Node)>));
    let inner = Owner::current().map(|owner| owner.child());
    let slot = Rc::clone(&current);
    watch(move || {
        let next = key();
        if slot
            .borrow()
            .as_ref()
            .is_some_and(|(last, _)| *last == next)
        {
            return;
        }
        let node = untrack(|| match &inner {
            Some(owner) => {
                owner.cleanup();
                owner.with(|| build(&next))
            }
            None => build(&next),
        });
        if let Some((_, old)) = slot.borrow().as_ref()
            && let Some(parent) = old.parent_node()
        {
            let _ = parent.replace_child(&node, old);
        }
        *slot.borrow_mut() = Some((next, node));
    });
    let first = current.borrow().as_ref().map(|(_, node)| node.clone());
    first.unwrap_or_else(nothing)
}

/// A place holder for nothing (an empty text node), for `rebuilt`.
pub fn nothing() -> Node {
    document().create_text_node("").into()
}

/// Keeps `parent`'s children the elements of `keys()`, in that order. Each key's
/// element is built once, under an owner of its own, and stays (with its focus and
/// state) while the key does; a key that goes takes its element and owner with it.
pub fn keyed(
    parent: &Element,
    keys: impl Fn() -> Vec<String> + 'static,
    build: impl Fn(&str) -> Element + 'static,
) {
    let parent = parent.clone();
    let owner = Owner::current();
    let shown = Rc::new(RefCell::new(
        HashMap::<String, (Element, Option<Owner>)>::new(),
    ));
    let kept = Rc::clone(&shown);
    watch(move || {
        let keys = keys();
        untrack(|| {
            let mut old = std::mem::take(&mut *kept.borrow_mut());
            let wanted: HashSet<&str> = keys.iter().map(String::as_str).collect();
            // Gone first, so that the elements that stay are never moved (moving an
            // element takes focus from it).
            old.retain(|key, (element, owner)| {
                let stays = wanted.contains(key.as_str());
                if !stays {
                    element.remove();
                    if let Some(owner) = owner {
                        owner.cleanup();
                    }
                }
                stays
            });
            let mut next = HashMap::with_capacity(keys.len());
            let mut before: Option<Node> = None;
            for key in keys {
                let (element, child) = old.remove(&key).unwrap_or_else(|| {
                    let child = owner.as_ref().map(Owner::child);
                    let element = match &child {
                        Some(child) => child.with(|| build(&key)),
                        None => build(&key),
                    };
                    (element, child)
                });
                let at = match &before {
                    Some(node) => node.next_sibling(),
                    None => parent.first_child(),
                };
                let node: &Node = &element;
                if at.as_ref() != Some(node) {
                    let _ = parent.insert_before(node, at.as_ref());
                }
                before = Some(node.clone());
                next.insert(key, (element, child));
            }
            *kept.borrow_mut() = next;
        });
    });
    on_cleanup({
        let shown = SendWrapper::new(shown);
        move || {
            for (_, (_, owner)) in shown.borrow_mut().drain() {
                if let Some(owner) = owner {
                    owner.cleanup();
                }
            }
        }
    });
}

/// Calls `handler` on each `event` at `element`, until the owner is cleaned up.
pub fn on(element: &Element, event: &str, mut handler: impl FnMut(Event) + 'static) {
    let handler = move |event: wasm_bindgen::JsValue| handler(event.unchecked_into());
    // Dropping the handle removes the listener and frees the handler.
    let listener = Dom::add_event_listener(element, event, Box::new(handler));
    on_cleanup(move || drop(listener));
}

/// Keeps an effect running until the current owner is cleaned up (dropping it
/// stops it).
fn keep(effect: RenderEffect<()>) {
    let effect = SendWrapper::new(effect);
    on_cleanup(move || drop(effect));
}

/// An element built here, used where Leptos expects a view (a component's result,
/// a `view!` child, `mount_to`).
pub struct DomView(SendWrapper<Element>);

impl DomView {
    pub fn new(element: Element) -> Self {
        Self(SendWrapper::new(element))
    }

    /// The element, to be placed by another builder.
    pub fn into_element(self) -> Element {
        self.0.take()
    }
}

/// The mounted element.
pub struct DomViewState(Element);

impl Mountable for DomViewState {
    fn unmount(&mut self) {
        self.0.unmount();
    }

    fn mount(&mut self, parent: &Element, marker: Option<&Node>) {
        self.0.mount(parent, marker);
    }

    fn insert_before_this(&self, child: &mut dyn Mountable) -> bool {
        self.0.insert_before_this(child)
    }

    fn elements(&self) -> Vec<Element> {
        vec![self.0.clone()]
    }
}

impl Render for DomView {
    type State = DomViewState;

    fn build(self) -> Self::State {
        DomViewState(self.0.take())
    }

    fn rebuild(self, state: &mut Self::State) {
        let mut next = DomViewState(self.0.take());
        state.insert_before_this(&mut next);
        state.unmount();
        *state = next;
    }
}

impl AddAnyAttr for DomView {
    type Output<SomeNewAttr: Attribute> = Self;

    fn add_any_attr<NewAttr: Attribute>(self, _attr: NewAttr) -> Self::Output<NewAttr>
    where
        Self::Output<NewAttr>: RenderHtml,
    {
        // Nothing here spreads attributes onto these views.
        self
    }
}

/// Client-side rendering only: there is no server to render HTML or hydrate from.
impl RenderHtml for DomView {
    type AsyncOutput = Self;
    type Owned = Self;

    const MIN_LENGTH: usize = 0;

    fn dry_resolve(&mut self) {}

    async fn resolve(self) -> Self {
        self
    }

    fn to_html_with_buf(
        self,
        _buf: &mut String,
        _position: &mut Position,
        _escape: bool,
        _mark_branches: bool,
        _extra_attrs: Vec<leptos::tachys::html::attribute::any_attribute::AnyAttribute>,
    ) {
    }

    fn hydrate<const FROM_SERVER: bool>(
        self,
        _cursor: &Cursor,
        _position: &PositionState,
    ) -> Self::State {
        DomViewState(self.0.take())
    }

    fn into_owned(self) -> Self::Owned {
        self
    }
}
