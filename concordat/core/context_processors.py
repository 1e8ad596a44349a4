from django.conf import settings


def site(request):
    return {"service_name": settings.CONCORDAT_SERVICE_NAME}
