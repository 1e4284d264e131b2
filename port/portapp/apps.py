from django.apps import AppConfig


class PortappConfig(AppConfig):
    name = "portapp"
    verbose_name = "Channels 4 tutorial examples"

    def ready(self):
        from portapp import signals  # noqa: F401  (connects the receivers)
