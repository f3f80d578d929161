//! "Changes since your last review": the instructions last reviewed in this
//! browser against the current ones, as a line diff, with "Mark as reviewed". It
//! says plainly whose review it is: this browser's, not the team's.

use leptos::either::EitherOf4;
use leptos::prelude::*;

use crate::components::instructions_changed::OWN_REVIEW;
use crate::components::instructions_diff::InstructionsDiff;
use crate::components::relative_time::RelativeTime;
use crate::hooks::use_instruction_reviews::ReviewState;
use crate::model::connection::{Connection, Timestamp};
use crate::pages::connections::ListContext;
use crate::platform;
use crate::review_store::Unavailable;

#[component]
pub fn ReviewSection(
    /// The connection as the page shows it.
    connection: Memo<Option<Connection>>,
) -> impl IntoView {
    let ListContext { reviews, .. } = expect_context::<ListContext>();
    let body = move || match reviews.state.get() {
        ReviewState::Opening => EitherOf4::A(()),
        ReviewState::Unavailable(reason) => EitherOf4::B(view! {
            <p class="review__unavailable">
                "Reviewing changes to the instructions is unavailable: this browser gives the console no storage ("
                {reason}
                ")."
            </p>
        }),
        ReviewState::Ready => {
            let Some(connection) = connection.get() else {
                return EitherOf4::A(());
            };
            match reviews.unchanged(&connection) {
                None => EitherOf4::A(()),
                Some(true) => EitherOf4::C(view! {
                    <p class="review__none" role="status">
                        "No changes to the instructions since they were last reviewed in this browser."
                    </p>
                }),
                Some(false) => EitherOf4::D(view! { <ChangeUnderReview connection /> }),
            }
        }
    };
    view! {
        <section class="detail__section review" aria-labelledby="review-title">
            <h2 class="detail__section-title" id="review-title" tabindex="-1">
                "Changes since your last review"
            </h2>
            {body}
        </section>
    }
}

/// A connection whose instructions changed: since when, the diff against the text
/// last reviewed (read from the store), and "Mark as reviewed".
#[component]
fn ChangeUnderReview(connection: Connection) -> impl IntoView {
    let ListContext { reviews, now, .. } = expect_context::<ListContext>();
    let since = {
        let id = connection.id.clone();
        move || {
            let since = reviews.changed.with(|changed| changed.get(&id).copied())?;
            Some(view! {
                <p class="review__since">
                    "First noticed "
                    <RelativeTime at=Some(Timestamp::Valid(since)) now missing="" />
                    "."
                </p>
            })
        }
    };
    // Read once no write is under way, so that the text just stored is there.
    let reviewed = {
        let connection = connection.clone();
        LocalResource::new(move || {
            let connection = connection.clone();
            let saving = reviews.saving();
            async move {
                if saving {
                    return None;
                }
                Some(reviews.text(&connection).await)
            }
        })
    };
    let current = connection.instructions.clone();
    let diff = move || match reviewed.get().flatten() {
        None => EitherOf4::A(()),
        Some(Ok(Some(old))) => EitherOf4::B(view! { <InstructionsDiff old new=current.clone() /> }),
        Some(Ok(None)) => EitherOf4::C(view! {
            <p class="review__unavailable">
                "The text last reviewed is no longer kept in this browser, so the change cannot be shown line by line."
            </p>
        }),
        Some(Err(Unavailable(reason))) => EitherOf4::D(view! {
            <p class="review__unavailable">
                "The text last reviewed could not be read (" {reason} ")."
            </p>
        }),
    };
    let on_review = move |_| {
        reviews.mark_reviewed(vec![connection.clone()]);
        // The button goes; the heading keeps the admin's place.
        request_animation_frame(|| platform::focus_first(&["#review-title"]));
    };
    view! {
        <p class="review__own">{OWN_REVIEW}</p>
        {since}
        {diff}
        <button type="button" class="button" on:click=on_review>
            "Mark as reviewed"
        </button>
    }
}
