from django.conf.urls import include, url
from django.contrib import admin
from django.contrib.auth import views as auth_views
from rest_framework_jwt.views import obtain_jwt_token, refresh_jwt_token, verify_jwt_token

urlpatterns = [
    url(r"^", include("chatapp.urls")),
    url(r"^api-token-auth/$", obtain_jwt_token),
    url(r"^api-token-refresh/$", refresh_jwt_token),
    url(r"^api-token-verify/$", verify_jwt_token),
    url(r"^accounts/login/$", auth_views.LoginView.as_view(), name="login"),
    url(r"^accounts/logout/$", auth_views.LogoutView.as_view(), name="logout"),
    url(r"^admin/", admin.site.urls),
]
