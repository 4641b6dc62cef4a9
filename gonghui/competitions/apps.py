from gonghui.core import registry


class CompetitionsConfig(registry.RegisteringConfig):
    name = "gonghui.competitions"
    verbose_name = "劳动竞赛与班组"
    has_todo = True

    def ready(self) -> None:
        super().ready()
        # A member who leaves the union, dies or moves to another union leaves its work teams: members
        # records each as an event and knows nothing of teams, so the team side listens for the event.
        from django.db.models.signals import post_save

        from gonghui.members.models import MemberEvent

        from .signals import member_event_saved

        post_save.connect(member_event_saved, sender=MemberEvent, dispatch_uid="competitions.team_members_leave")
