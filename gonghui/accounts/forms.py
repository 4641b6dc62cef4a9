from django import forms
from django.contrib.auth.forms import AuthenticationForm

from gonghui.core.forms import RecordChoicesForm

from .models import Role


class LoginForm(AuthenticationForm):
    error_messages = {
        "invalid_login": "用户名或密码不正确。连续多次输错，账号将被暂时锁定。",
        "inactive": "该账号已停用。",
    }


class UserCreateForm(RecordChoicesForm):
    username = forms.CharField(label="用户名", max_length=150)
    full_name = forms.CharField(label="姓名", max_length=30)
    union = forms.ModelChoiceField(label="所属工会", queryset=None)
    role = forms.ChoiceField(label="角色", choices=Role.choices, initial=Role.UNION_OFFICER)
    password = forms.CharField(label="初始密码", widget=forms.PasswordInput(render_value=True),
                               help_text="至少12位，不能与用户名或姓名相似；请当面交给本人")

    record_choices = {"union": "unions"}


class GrantForm(forms.Form):
    may_reveal_identity = forms.BooleanField(label="可查看完整身份证号和手机号", required=False)
    may_access_care = forms.BooleanField(label="可查看帮扶与维权档案", required=False)


class AccountSearchForm(forms.Form):
    q = forms.CharField(label="用户名/姓名/工会", required=False)
