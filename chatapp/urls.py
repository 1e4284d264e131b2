from django.conf.urls import url

from chatapp import api, views

urlpatterns = [
    url(r"^\Z", views.index, name="index"),
    url(r"^api/live/\Z", api.LiveValueView.as_view(), name="live-value"),
]
