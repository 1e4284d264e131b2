from django.conf.urls import url

from chatapp import views

urlpatterns = [
    url(r"^$", views.index, name="index"),
]
