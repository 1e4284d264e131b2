from django.conf.urls import include, url
from django.contrib import admin

from chatapp import token_views

urlpatterns = [
    url(r"^", include("chatapp.urls")),
    url(r"^api-token-auth/\Z", token_views.ObtainToken.as_view()),
    url(r"^api-token-refresh/\Z", token_views.RefreshToken.as_view()),
    url(r"^api-token-verify/\Z", token_views.VerifyToken.as_view()),
    url(r"^accounts/login/\Z", token_views.login, name="login"),
    url(r"^accounts/logout/\Z", token_views.logout, name="logout"),
    url(r"^admin/", admin.site.urls),
]
