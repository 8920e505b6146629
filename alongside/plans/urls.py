from django.urls import path

urlpatterns: list = [
    # The recovery plan's pages are added here.
]
