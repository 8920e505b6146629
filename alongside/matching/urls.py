from django.urls import path

from alongside.matching import views

urlpatterns = [
    # Participants: suggestions, choosing, asking the coordinator, asking for a rematch.
    path("suggestions/", views.suggestions, name="matching_suggestions"),
    path("suggestions/choose/", views.choose, name="matching_choose"),
    path("suggestions/ask-coordinator/", views.ask_coordinator, name="matching_ask_coordinator"),
    path("rematch/", views.rematch, name="matching_rematch"),
    # Peer supporters: own profile, proposals to answer, rematch for someone on the caseload.
    path("my-profile/", views.peer_profile_edit, name="matching_peer_profile"),
    path("proposals/", views.peer_proposals, name="matching_peer_proposals"),
    path("proposals/<int:proposal_id>/accept/", views.proposal_accept, name="matching_proposal_accept"),
    path("proposals/<int:proposal_id>/decline/", views.proposal_decline, name="matching_proposal_decline"),
    path("matches/<int:match_id>/rematch/", views.peer_rematch, name="matching_peer_rematch"),
    # Supervisors and admins: the queue, batch runs, requests, capacities, settings.
    path("", views.caseload, name="matching_caseload"),
    path("runs/", views.run_start, name="matching_run_start"),
    path("runs/<int:run_id>/", views.run_detail, name="matching_run_detail"),
    path("runs/<int:run_id>/approve/", views.run_approve, name="matching_run_approve"),
    path("run-proposals/<int:proposal_id>/", views.proposal_change, name="matching_proposal_change"),
    path("run-proposals/<int:proposal_id>/remove/", views.proposal_remove, name="matching_proposal_remove"),
    path("requests/<int:request_id>/resolve/", views.request_resolve, name="matching_request_resolve"),
    path("peers/<int:peer_id>/capacity/", views.peer_capacity, name="matching_peer_capacity"),
    path("settings/", views.settings_edit, name="matching_settings"),
]
