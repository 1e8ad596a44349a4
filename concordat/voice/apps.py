from django.apps import AppConfig


class VoiceConfig(AppConfig):
    name = "concordat.voice"
    label = "voice"
    verbose_name = "The public's voice: questions and independent reviews"
