from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from portapp import token_api, views

urlpatterns = [
    path("", include("portapp.urls")),
    path("api-token-auth/", token_api.ObtainTokenView.as_view()),
    path("api-token-refresh/", token_api.RefreshTokenView.as_view()),
    path("api-token-verify/", token_api.VerifyTokenView.as_view()),
    path("accounts/login/", views.LoginView.as_view(), name="login"),
    # POST only (Django 5): a link or an image cannot log anybody out.
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("admin/", admin.site.urls),
]
