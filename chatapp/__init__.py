default_app_config = "chatapp.apps.ChatappConfig"
