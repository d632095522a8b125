from django.urls import path

from . import views

app_name = "quizzes"
urlpatterns = [
    path("", views.my_checks, name="mine"),
    path("<int:quiz_id>/", views.quiz_detail, name="quiz"),
    path("<int:quiz_id>/start/", views.attempt_start, name="start"),
    path("attempts/<int:attempt_id>/", views.review, name="review"),
    path("attempts/<int:attempt_id>/check/", views.check_answers, name="check"),
    path("attempts/<int:attempt_id>/finish/", views.attempt_finish, name="finish"),
    path("attempts/<int:attempt_id>/more-time/", views.attempt_extend, name="extend"),
    path("attempts/<int:attempt_id>/questions/<int:position>/", views.question, name="question"),
    path("marking/", views.marking_queue, name="marking"),
    path("marking/<int:answer_id>/", views.mark, name="mark"),
    path("boards/<int:board_id>/analysis/<int:quiz_id>/", views.analysis, name="analysis"),
]
