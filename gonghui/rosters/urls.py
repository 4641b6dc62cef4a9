app_name = "rosters"
urlpatterns: list = []
