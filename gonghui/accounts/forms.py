from django.contrib.auth.forms import AuthenticationForm


class LoginForm(AuthenticationForm):
    error_messages = {
        "invalid_login": "用户名或密码不正确。连续多次输错，账号将被暂时锁定。",
        "inactive": "该账号已停用。",
    }
