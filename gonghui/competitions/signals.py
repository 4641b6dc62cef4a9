"""What competitions does when a members' event is saved (connected in CompetitionsConfig.ready())."""

from gonghui.members.choices import EventKind

# The events that end a member's place in a team of their union.
ENDING = (EventKind.LEAVE, EventKind.DEATH, EventKind.TRANSFER_OUT)


def member_event_saved(sender, instance, created: bool, raw: bool = False, **kwargs) -> None:
    if not created or raw or instance.kind not in ENDING:
        return
    from .services import team_members_leave

    team_members_leave(actor=instance.by, member=instance.member, on=instance.on_date)
