from django.urls import path

from portapp import api, views

urlpatterns = [
    path("", views.index, name="index"),
    path("api/live/", api.LiveValueView.as_view(), name="live-value"),
]
