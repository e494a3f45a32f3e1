//! Delivers the dissolution notices to the community: where resources go, that the code stays
//! under its license, where documentation is archived; and that it was called off.

use crate::app::delivery::{DeliveryError, OutboxItem};
use crate::app::outbox::Notice;
use crate::discord::publisher::{DiscordPublisher, failed};
use crate::discord::text::{Field, fitted_embed};
use crate::i18n::{args, tr};
use crate::msg;

pub async fn deliver(
    p: &DiscordPublisher,
    item: &OutboxItem,
    locale: &str,
) -> Result<Option<u64>, DeliveryError> {
    let (Notice::DissolutionNotice { dissolution_id, .. }
    | Notice::DissolutionCalledOff { dissolution_id }) = &item.notice
    else {
        return Err(failed(format!(
            "not a dissolution notice: {:?}",
            item.notice
        )));
    };
    let d = p.app().dissolution(*dissolution_id).await.map_err(failed)?;
    let channel = p.announce_channel(item.guild_id).await?;
    let date = format!("<t:{0}:D> (<t:{0}:R>)", d.date.timestamp());
    let message = if matches!(item.notice, Notice::DissolutionCalledOff { .. }) {
        DiscordPublisher::message(item).content(tr(
            locale,
            msg!("dissolution-called-off"),
            Some(&args([("date", date.into())])),
        ))
    } else {
        let license = match &d.plan.license {
            Some(license) => tr(
                locale,
                msg!("dissolution-license-named"),
                Some(&args([("license", license.as_str().into())])),
            ),
            None => tr(locale, msg!("dissolution-license"), None),
        };
        let field =
            |id: &'static str, value: String| Field::shrinkable(tr(locale, id, None), value);
        let embed = fitted_embed(
            tr(
                locale,
                msg!("dissolution-notice-title"),
                Some(&args([("date", date.into())])),
            ),
            d.reason.clone(),
            vec![
                field(msg!("dissolution-field-steward"), d.plan.steward.clone()),
                field(msg!("dissolution-field-code"), license),
                field(msg!("dissolution-field-archive"), d.plan.archive.clone()),
            ],
            tr(locale, msg!("dissolution-notice-footer"), None),
        );
        DiscordPublisher::message(item).embed(embed)
    };
    p.post(channel, &message).await
}
