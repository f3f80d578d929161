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
use crate::model::line_diff::same_lines;
use crate::pages::connections::ListContext;
use crate::platform;

#[component]
pub fn ReviewSection(
    /// The connection as the page shows it.
    connection: Memo<Option<Connection>>,
) -> impl IntoView {
    let ListContext { reviews, now, .. } = expect_context::<ListContext>();
    let on_review = move |_| {
        if let Some(connection) = connection.get_untracked() {
            reviews.mark_reviewed(&[connection]);
            // The button goes; the heading keeps the admin's place.
            request_animation_frame(|| platform::focus_first(&["#review-title"]));
        }
    };
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
            let Some((connection, baseline)) = connection
                .get()
                .and_then(|c| reviews.baseline(&c).map(|baseline| (c, baseline)))
            else {
                return EitherOf4::A(());
            };
            let current = connection.instructions.clone();
            if same_lines(baseline.as_deref(), current.as_deref()) {
                return EitherOf4::C(view! {
                    <p class="review__none" role="status">
                        "No changes to the instructions since they were last reviewed in this browser."
                    </p>
                });
            }
            let since = reviews
                .changed
                .with(|changed| changed.get(&connection.id).copied());
            EitherOf4::D(view! {
                <p class="review__own">{OWN_REVIEW}</p>
                {since.map(|since| view! {
                    <p class="review__since">
                        "First noticed "
                        <RelativeTime at=Some(Timestamp::Valid(since)) now missing="" />
                        "."
                    </p>
                })}
                <InstructionsDiff old=baseline new=current />
                <button type="button" class="button" on:click=on_review>
                    "Mark as reviewed"
                </button>
            })
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
