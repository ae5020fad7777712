"""One form per wizard step. Each clean_* returns a domain value (Decimal, aware datetime).

Follow-up questions inside a step use show_if/require_when; questions that apply only to some
claims are whole conditional steps (see wizard.steps.STEP_CONDITIONS).
"""

from claims.wizard.forms.documents import (
    AssessmentForm,
    DeclarationForm,
    EvidenceStepForm,
    ReviewForm,
)
from claims.wizard.forms.messages import IdentityForm, MessagesForm
from claims.wizard.forms.problem import (
    BalanceForm,
    DefectForm,
    DeliveryForm,
    ProblemForm,
    ReceiptForm,
)
from claims.wizard.forms.purchase import BuyerForm, MinorForm, OrderForm
from claims.wizard.forms.seller import ContactForm, PolicyForm, PromiseForm, SellerForm

__all__ = [
    "AssessmentForm",
    "BalanceForm",
    "BuyerForm",
    "ContactForm",
    "DeclarationForm",
    "DefectForm",
    "DeliveryForm",
    "EvidenceStepForm",
    "IdentityForm",
    "MessagesForm",
    "MinorForm",
    "OrderForm",
    "PolicyForm",
    "ProblemForm",
    "PromiseForm",
    "ReceiptForm",
    "ReviewForm",
    "SellerForm",
]
