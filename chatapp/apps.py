from django.apps import AppConfig


class ChatappConfig(AppConfig):
    name = "chatapp"
    verbose_name = "Channels 1.x tutorial examples"

    def ready(self):
        from chatapp import socket_lifetime
        socket_lifetime.connect_signals()
