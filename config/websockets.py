"""WebSocket routes. Each consumer declares its access like the HTTP views do."""

from django.urls import path

from alongside.conversations.consumers import ConversationConsumer
from alongside.core.consumers import NotificationConsumer

websocket_urlpatterns = [
    path("ws/notifications/", NotificationConsumer.as_asgi()),
    path("ws/conversations/<int:conversation_id>/", ConversationConsumer.as_asgi()),
]
