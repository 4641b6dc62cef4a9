from django.apps import AppConfig


class CompetitionsConfig(AppConfig):
    name = "gonghui.competitions"
    label = "competitions"
    verbose_name = "劳动竞赛与班组"

    def ready(self) -> None:
        # The home page reads the to-do lines, and the dashboard the figures, through the registry.
        from gonghui.core import registry
        from gonghui.core.figures import figure_register

        from .figures import FIGURES
        from .todo import todo_lines

        registry.todo_register(self.label, todo_lines)
        # A member who leaves the union, dies or moves to another union leaves its work teams: members
        # records each as an event and knows nothing of teams, so the team side listens for the event.
        from django.db.models.signals import post_save

        from gonghui.members.models import MemberEvent

        from .signals import member_event_saved

        post_save.connect(member_event_saved, sender=MemberEvent, dispatch_uid="competitions.team_members_leave")
        figure_register(*FIGURES)
