"""The core loop through the Python client generated from docs/openapi.json.

Run by GeneratedClientApiTests with the generated package on PYTHONPATH:
register -> sign up -> check in -> check out (retried with its Idempotency-Key) ->
record -> certificate download -> verification, with errors read as the
document's Problem. The test moves the clock between steps: this script asks
with a line "CLOCK <what> <id>" on standard output and waits for "OK" on
standard input. The last line is "DONE" when every check held.
"""

import datetime
import os
import sys
import uuid

import zhiyuan_client
from zhiyuan_client import ApiClient, Configuration
from zhiyuan_client.exceptions import ApiException
from zhiyuan_client.models import (ActivityRequest, CodeRequest, Consents, GeoPoint, IssueRequest, Location,
                                   PositionRequest, Problem, Registration, SignupRequest, TokenRequest)

BASE = os.environ["ZHIYUAN_URL"]


def client(token=None):
    return ApiClient(Configuration(host=BASE, access_token=token))


def check(condition, what):
    if not condition:
        raise AssertionError(what)


def problem_of(call, status):
    try:
        call()
    except ApiException as refused:
        check(refused.status == status, "expected %d, got %s: %s" % (status, refused.status, refused.body))
        check(refused.headers["Content-Type"].startswith("application/problem+json"), "problem+json")
        return refused.data if isinstance(refused.data, Problem) else Problem.from_json(refused.body)
    raise AssertionError("expected a refusal with %d" % status)


def clock(what, subject):
    print("CLOCK %s %s" % (what, subject), flush=True)
    check(sys.stdin.readline().strip() == "OK", "the test moved the clock")


def sign_in(username, password):
    return zhiyuan_client.AccountApi(client()).auth_token(
        TokenRequest(username=username, password=password)).access_token


def main():
    anonymous = client()
    volunteers = zhiyuan_client.VolunteerApi(anonymous)
    consents = volunteers.get_consents(accept_language="en")
    check(consents.privacy_policy.text, "the privacy policy has a text")

    phone = os.environ["VOLUNTEER_PHONE"]
    registration = Registration(
        name="李小华", id_type="RESIDENT_ID", id_number=os.environ["VOLUNTEER_ID_NUMBER"], phone=phone,
        password="Python-pass-2026", region_code="110105", skills=["手语"],
        consents=Consents(privacy_policy=consents.privacy_policy.version, oath=True))
    registered = volunteers.volunteer_register(registration)
    check("*" in registered.id_number_masked, "the ID number is masked")
    check(os.environ["VOLUNTEER_ID_NUMBER"] not in registered.to_json(), "the full ID number never comes back")
    check(registered.total_hours == "0.00", "hours are decimal strings")

    again = problem_of(lambda: volunteers.volunteer_register(registration), 409)
    check(again.code == "VOLUNTEER_EXISTS", again.code)
    # the client checks required fields and lengths itself; the check digit is the server's
    wrong_digit = registration.model_copy(update={"id_number": "110105199001011230", "phone": "13900000000"})
    bad = problem_of(lambda: volunteers.volunteer_register(wrong_digit, accept_language="en"), 400)
    check(bad.code == "VALIDATION_FAILED", bad.code)
    check(any(error.var_field == "idNumber" for error in bad.errors), "idNumber named")

    volunteer = client(sign_in(phone, "Python-pass-2026"))
    admin = client(sign_in(os.environ["ADMIN_USERNAME"], os.environ["ADMIN_PASSWORD"]))

    start = datetime.datetime.now(datetime.timezone.utc).replace(microsecond=0) + datetime.timedelta(days=7)
    activities = zhiyuan_client.ActivityApi(admin)
    activity = activities.activity_create(ActivityRequest(
        organization_id=os.environ["ORGANIZATION_ID"], title="Python 客户端助老服务 " + uuid.uuid4().hex[:8],
        description="为社区高龄老人提供助餐服务。", category="ELDERLY_CARE", region_code="110105001",
        address="建外街道某社区服务站", location=Location(lat=39.9087, lng=116.4445), geofence_meters=300,
        starts_at=start, ends_at=start + datetime.timedelta(hours=3),
        positions=[PositionRequest(name="助餐志愿者", capacity=5)], approval="AUTO", risk_level="LOW",
        time_bank_eligible=False))
    activities.activity_publish(activity.id)
    position = activity.positions[0].id
    signups = zhiyuan_client.SignupApi(volunteer)
    check(signups.signup_sign_up(activity.id, SignupRequest(position_id=position)).status == "APPROVED", "approved")
    check(problem_of(lambda: signups.signup_sign_up(activity.id, SignupRequest(position_id=position)), 409).code
          == "ALREADY_SIGNED_UP", "signed up once")

    clock("START", activity.id)
    code = zhiyuan_client.AttendanceApi(admin).attendance_code(activity.id).code
    at_the_site = CodeRequest(code=code, location=GeoPoint(lat=39.9088, lng=116.4446, accuracy_meters=15))
    attendance = zhiyuan_client.AttendanceApi(volunteer)
    check(attendance.attendance_check_in(at_the_site).checked_in_at is not None, "checked in")
    clock("CHECKIN", activity.id)

    key = str(uuid.uuid4())
    out = attendance.attendance_check_out(at_the_site, idempotency_key=key)
    check(out.hours in ("1.49", "1.50", "1.51"), out.hours)
    retried = attendance.attendance_check_out(at_the_site, idempotency_key=key)
    check(retried.record_id == out.record_id and retried.hours == out.hours, "the first answer again")

    records = zhiyuan_client.RecordApi(volunteer).service_record_mine(page=0, size=20)
    check(records.total == 1 and records.items[0].id == out.record_id, "one record")
    check(zhiyuan_client.VolunteerApi(volunteer).volunteer_me().total_hours == out.hours, "counted once")

    certificates = zhiyuan_client.CertificateApi(volunteer)
    # the platform's day is China's (UTC+8), not the machine's
    today = (datetime.datetime.now(datetime.timezone.utc) + datetime.timedelta(hours=8)).date()
    issued = certificates.certificate_issue(
        IssueRequest(volunteer_id=registered.id, var_from=today - datetime.timedelta(days=30), to=today),
        idempotency_key=str(uuid.uuid4()))
    check(issued.total_hours == out.hours, issued.total_hours)
    pdf = certificates.certificate_pdf(issued.number)
    check(bytes(pdf[:5]) == b"%PDF-", "a PDF file")
    verified = zhiyuan_client.CertificateApi(anonymous).certificate_verification(issued.number)
    check(verified.valid and verified.total_hours == out.hours, "verified")
    print("DONE", flush=True)


if __name__ == "__main__":
    main()
