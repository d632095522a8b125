from django.contrib.auth.decorators import login_required
from django.shortcuts import render


@login_required
def floor(request):
    """The floor baseline: the signed-in person's name, through the whole middleware stack."""
    return render(request, "bench/floor.html")
