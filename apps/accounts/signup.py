"""allauth's sign-up form, made to cost the same whether or not the address has an account.

Not in forms.py: allauth's form class inherits from forms.SignupForm (ACCOUNT_SIGNUP_FORM_CLASS),
so importing it there would be an import cycle.
"""

from allauth.account.forms import SignupForm
from django.contrib.auth.hashers import make_password


class AccountSignupForm(SignupForm):
    def try_save(self, request):
        if self.account_already_exists:
            # allauth answers a taken address exactly like a new one, but skips hashing the
            # password — most of what a sign-up costs — so the response time told that the
            # account exists (9 ms against 290 ms). Hash it anyway and throw the hash away.
            make_password(self.cleaned_data["password1"])
        return super().try_save(request)
