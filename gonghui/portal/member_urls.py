app_name = "m"
urlpatterns: list = []
