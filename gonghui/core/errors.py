from django.core.exceptions import NON_FIELD_ERRORS, ValidationError


def validation_error_dict(exc: ValidationError) -> dict[str, list[str]]:
    if hasattr(exc, "error_dict"):
        return {("__all__" if k == NON_FIELD_ERRORS else k): [str(m) for m in v] for k, v in exc.message_dict.items()}
    return {"__all__": [str(m) for m in exc.messages]}


# What the API says for a value that fails its declared type, in the words of the forms.
SCHEMA_MESSAGES = {
    "missing": "必填",
    "int_parsing": "须为整数",
    "int_from_float": "须为整数",
    "float_parsing": "须为数字",
    "decimal_parsing": "须为数字",
    "bool_parsing": "须为 true 或 false",
    "date_parsing": "日期格式不正确，应为 YYYY-MM-DD",
    "date_from_datetime_parsing": "日期格式不正确，应为 YYYY-MM-DD",
    "string_type": "须为文字",
    "list_type": "须为列表",
    "greater_than_equal": "不能小于{ge}",
    "less_than_equal": "不能大于{le}",
    "string_too_long": "不能超过{max_length}个字",
}


def schema_error_message(error: dict) -> str:
    template = SCHEMA_MESSAGES.get(error.get("type", ""), "格式不正确")
    return template.format(**error.get("ctx", {})) if "{" in template else template
