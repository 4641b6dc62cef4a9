from django.contrib.auth import views as auth_views
from django.urls import path

from . import views
from .forms import LoginForm

app_name = "accounts"
urlpatterns = [
    path("login/", auth_views.LoginView.as_view(template_name="accounts/login.html", authentication_form=LoginForm,
                                                redirect_authenticated_user=True), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("admin/", views.duty_home_page, name="duty_home"),
    # 系统管理员
    path("admin/users/", views.user_list_page, name="users"),
    path("admin/users/new/", views.user_create_page, name="user_create"),
    path("admin/users/<int:pk>/deactivate/", views.user_active_page, {"active": False}, name="user_deactivate"),
    path("admin/users/<int:pk>/activate/", views.user_active_page, {"active": True}, name="user_activate"),
    # 安全管理员
    path("admin/grants/", views.grant_list_page, name="grants"),
    path("admin/grants/<int:pk>/", views.grant_edit_page, name="grant_edit"),
    path("admin/lockouts/", views.lockout_list_page, name="lockouts"),
    path("admin/lockouts/clear/", views.lockout_clear_page, name="lockout_clear"),
    # 审计管理员
    path("admin/access-log/", views.access_log_page, name="access_log"),
    path("admin/access-log/export.xlsx", views.access_log_export_page, name="access_log_export"),
    path("admin/history/", views.history_list_page, name="history"),
]
