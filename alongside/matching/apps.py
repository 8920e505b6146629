from django.apps import AppConfig


class MatchingConfig(AppConfig):
    name = "alongside.matching"
    label = "matching"
    verbose_name = "Peer matching"

    def ready(self) -> None:
        from django.utils import translation

        from alongside.matching import engine

        # The engine speaks English on its own; in the application its reasons follow the reader.
        engine.use_translations(translate=translate_reason, language=translation.get_language)


def translate_reason(message: str) -> str:
    from django.utils import translation

    from alongside.matching.engine.reasons import CONTEXT

    return translation.pgettext(CONTEXT, message)
