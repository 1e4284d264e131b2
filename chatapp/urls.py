from django.conf.urls import url

from chatapp import api, views

urlpatterns = [
    url(r"^$", views.index, name="index"),
    url(r"^api/live/$", api.LiveValueView.as_view(), name="live-value"),
]
