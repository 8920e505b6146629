"""WebSocket routes. Each consumer declares its access like the HTTP views do."""

from django.urls import path

from alongside.conversations.consumers import ConversationConsumer
from alongside.core.consumers import NotificationConsumer
from alongside.groups.consumers import RoomConsumer

websocket_urlpatterns = [
    path("ws/notifications/", NotificationConsumer.as_asgi()),
    path("ws/conversations/<int:conversation_id>/", ConversationConsumer.as_asgi()),
    path("ws/groups/<int:group_id>/room/", RoomConsumer.as_asgi()),
]
