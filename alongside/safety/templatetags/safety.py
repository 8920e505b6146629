"""`{% help_now %}`: the "Get help now" control in the page header.

For a signed-in participant it opens, in one tap and without JavaScript (a <details>
element), the emergency number, their organization's own contact and crisis lines, their peer
supporter, a link to their safety plan and, when the page's context has `on_call` (an object
with `name` and optionally `phone`, or a plain name), the person on call now. Everyone else
gets a link to the Get help now page.
"""

from __future__ import annotations

from typing import Any

from django import template
from django_scopes import scope

from alongside.core.roles import Role
from alongside.matching.selectors import active_match_for
from alongside.safety.selectors import crisis_help_for

register = template.Library()


@register.inclusion_tag("safety/_help_now.html", takes_context=True)
def help_now(context: template.Context) -> dict[str, Any]:
    membership = context.get("membership")
    if membership is None or membership.role != Role.PARTICIPANT:
        return {"show_panel": False}
    organization = membership.organization
    with scope(organization=organization):
        match = active_match_for(membership)
    return {
        "show_panel": True,
        "crisis": crisis_help_for(organization),
        "match": match,
        "organization": organization,
        "on_call": context.get("on_call"),
    }
