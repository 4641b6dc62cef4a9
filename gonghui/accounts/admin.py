from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin

from .models import User


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    """Accounts are managed by system administrators only (Django's admin needs is_staff)."""

    fieldsets = BaseUserAdmin.fieldsets + (("工会", {"fields": ("union", "role", "full_name", "may_reveal_identity", "may_access_care")}),)
    list_display = ("username", "full_name", "role", "union", "is_active")
    raw_id_fields = ("union",)
