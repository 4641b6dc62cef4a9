from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin

from .models import User


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    """Django's admin needs is_staff; it is the installer's, not a way around the three administrators.

    Grants are the security administrator's and duties are made on the server, so here both are read-only.
    """

    fieldsets = BaseUserAdmin.fieldsets + (("工会", {"fields": ("union", "role", "full_name", "duty", "may_reveal_identity", "may_access_care")}),)
    readonly_fields = ("duty", "may_reveal_identity", "may_access_care")
    list_display = ("username", "full_name", "role", "duty", "union", "is_active")
    raw_id_fields = ("union",)
