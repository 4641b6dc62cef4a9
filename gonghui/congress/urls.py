app_name = "congress"
urlpatterns: list = []
