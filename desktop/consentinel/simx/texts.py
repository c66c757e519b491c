"""The words simx's pages show: the label table for the Grok page; English, French and German
elsewhere."""

from __future__ import annotations

import csv
import io
from functools import cache
from importlib import resources

_COLUMNS = (
    "grok_page_title",
    "privacy_row_grok",
    "training_label",
    "personalization_label",
    "memory_label",
    "protect_posts_label",
    "business_partners_row",
    "learn_more",
)


@cache
def label_table() -> dict[str, dict[str, str]]:
    """Language code -> the Grok page's texts, from the same table X's bundle gave us."""
    text = resources.files("consentinel.x").joinpath("data/x-labels.tsv").read_text("utf-8")
    rows = csv.DictReader(io.StringIO(text), delimiter="\t")
    return {row["lang"]: {c: row[c] for c in _COLUMNS} for row in rows}


# The surrounding page texts. X translates everything; simx carries English, French and German.
_UI: dict[str, dict[str, str]] = {
    "en": {
        "signin_title": "Sign in to X",
        "username_placeholder": "Phone, email, or username",
        "next": "Next",
        "forgot": "Forgot password?",
        "password_title": "Enter your password",
        "password_placeholder": "Password",
        "login": "Log in",
        "unusual_title": "Enter your phone number or username",
        "unusual_text": "There was unusual login activity on your account. To help keep your "
        "account safe, please enter your phone number or username to verify it's you.",
        "unusual_title_email": "Enter your phone number or email address",
        "unusual_text_email": "There was unusual login activity on your account. To help keep "
        "your account safe, please enter your phone number or email address to verify it's you.",
        "two_factor_title": "Enter your verification code",
        "two_factor_text": "Use your code generator app to generate a code and enter it below.",
        "email_code_title": "Check your email",
        "email_code_text": "You'll receive a confirmation code at your email address. "
        "Enter it below to continue.",
        # The code by text message: X's wording is not in the reference (x-reference §3 says
        # only "a code sent to the email or phone"); worded like the email one [inferred].
        "sms_code_title": "Check your phone",
        "sms_code_text": "We sent a confirmation code by text message to your phone number "
        "ending in {digits}. Enter it below to continue.",
        "code_placeholder": "Enter code",
        # A step the reference does not list (the `new_step` challenge): X asking something
        # new, which Consentinel must not answer [invented, as such a step would be].
        "new_step_title": "Confirm your date of birth",
        "new_step_text": "To keep using X, confirm your date of birth. It won't be public.",
        "new_step_placeholder": "Date of birth",
        "captcha_title": "Authenticate your account",
        "captcha_text": "Solve this puzzle to verify that you're a real person.",
        "google_button": "Sign in with Google",
        "refused_text": "Could not log you in now. Please try again later.",
        "ok": "OK",
        "wrong_password": "Wrong password!",
        "unknown_account": "Sorry, we could not find your account.",
        "incorrect": "Incorrect. Please try again.",
        "went_wrong": "Something went wrong. Try reloading.",
        "not_authenticated": "Could not authenticate you.",
        "retry": "Retry",
        "rate_limited": "Something went wrong, but don't fret — it's not your fault. "
        "You are being rate limited.",
        "access_title": "Authenticate your account",
        "access_text": "Verify your identity. Your account has been locked to protect it. "
        "To unlock it, confirm your identity.",
        "start": "Start",
        "home": "Home",
        "explore": "Explore",
        "notifications": "Notifications",
        "messages": "Messages",
        "settings": "Settings",
        "post": "Post",
        "settings_title": "Settings",
        "search_settings": "Search Settings",
        "your_account": "Your account",
        "accessibility": "Accessibility, display, and languages",
        "privacy_title": "Privacy and safety",
        "data_sharing": "Data sharing and personalization",
        "delete_history": "Delete conversation history",
        "delete_confirm_title": "Delete conversation history?",
        "delete_confirm_text": "This can't be undone and your Grok conversation history will "
        "be removed.",
        "delete": "Delete",
        "cancel": "Cancel",
        "grok_intro": "Choose whether your data is shared with xAI and used to train and "
        "personalize Grok.",
        "help_training": "Your public posts and your Grok interactions may be used to train "
        "and fine-tune Grok and other xAI models.",
        "help_personalization": "Grok may use information about you to personalize its answers.",
        "help_memory": "Grok may remember details from your past conversations.",
        "help_partners": "Your data may be shared with xAI's business partners.",
        "whats_happening": "What's happening",
        "for_you": "For you",
    },
    "fr": {
        "signin_title": "Connectez-vous à X",
        "username_placeholder": "Numéro de téléphone, adresse email ou nom d'utilisateur",
        "next": "Suivant",
        "forgot": "Mot de passe oublié ?",
        "password_title": "Entrez votre mot de passe",
        "password_placeholder": "Mot de passe",
        "login": "Se connecter",
        "unusual_title": "Entrez votre numéro de téléphone ou votre nom d'utilisateur",
        "unusual_text": "Il y a eu une activité de connexion inhabituelle sur votre compte. "
        "Pour aider à protéger votre compte, entrez votre numéro de téléphone ou votre nom "
        "d'utilisateur pour vérifier qu'il s'agit bien de vous.",
        "unusual_title_email": "Entrez votre numéro de téléphone ou votre adresse email",
        "unusual_text_email": "Il y a eu une activité de connexion inhabituelle sur votre "
        "compte. Pour aider à protéger votre compte, entrez votre numéro de téléphone ou votre "
        "adresse email pour vérifier qu'il s'agit bien de vous.",
        "two_factor_title": "Entrez votre code de vérification",
        "two_factor_text": "Utilisez votre application de génération de code pour générer un "
        "code et saisissez-le ci-dessous.",
        "email_code_title": "Consultez vos emails",
        "email_code_text": "Vous allez recevoir un code de confirmation à votre adresse email. "
        "Saisissez-le ci-dessous pour continuer.",
        "sms_code_title": "Consultez votre téléphone",
        "sms_code_text": "Nous avons envoyé un code de confirmation par SMS à votre numéro de "
        "téléphone se terminant par {digits}. Saisissez-le ci-dessous pour continuer.",
        "code_placeholder": "Saisir le code",
        "new_step_title": "Confirmez votre date de naissance",
        "new_step_text": "Pour continuer à utiliser X, confirmez votre date de naissance. Elle "
        "ne sera pas publique.",
        "new_step_placeholder": "Date de naissance",
        "captcha_title": "Authentifiez votre compte",
        "captcha_text": "Résolvez ce puzzle pour vérifier que vous êtes une vraie personne.",
        "google_button": "Se connecter avec Google",
        "refused_text": "Impossible de vous connecter pour le moment. Veuillez réessayer plus "
        "tard.",
        "ok": "OK",
        "wrong_password": "Mot de passe incorrect !",
        "unknown_account": "Désolé, nous n'avons pas pu trouver votre compte.",
        "incorrect": "Incorrect. Veuillez réessayer.",
        "went_wrong": "Un problème est survenu. Essayez de recharger la page.",
        "not_authenticated": "Impossible de vous authentifier.",
        "retry": "Réessayer",
        "rate_limited": "Un problème est survenu, mais pas d'inquiétude : ce n'est pas votre "
        "faute. Trop de requêtes.",
        "access_title": "Authentifiez votre compte",
        "access_text": "Vérifiez votre identité. Votre compte a été verrouillé pour le "
        "protéger. Pour le déverrouiller, confirmez votre identité.",
        "start": "Commencer",
        "home": "Accueil",
        "explore": "Explorer",
        "notifications": "Notifications",
        "messages": "Messages",
        "settings": "Paramètres",
        "post": "Poster",
        "settings_title": "Paramètres",
        "search_settings": "Rechercher dans les paramètres",
        "your_account": "Votre compte",
        "accessibility": "Accessibilité, affichage et langues",
        "privacy_title": "Confidentialité et sécurité",
        "data_sharing": "Partage de données et personnalisation",
        "delete_history": "Supprimer l'historique des conversations",
        "delete_confirm_title": "Supprimer l'historique des conversations ?",
        "delete_confirm_text": "Cette action est irréversible : votre historique de "
        "conversations avec Grok sera supprimé.",
        "delete": "Supprimer",
        "cancel": "Annuler",
        "grok_intro": "Choisissez si vos données sont partagées avec xAI et utilisées pour "
        "entraîner et personnaliser Grok.",
        "help_training": "Vos posts publics et vos interactions avec Grok peuvent être "
        "utilisés pour entraîner et affiner Grok et d'autres modèles de xAI.",
        "help_personalization": "Grok peut utiliser des informations vous concernant pour "
        "personnaliser ses réponses.",
        "help_memory": "Grok peut se souvenir de détails de vos conversations passées.",
        "help_partners": "Vos données peuvent être partagées avec les partenaires commerciaux "
        "de xAI.",
        "whats_happening": "Quoi de neuf ?",
        "for_you": "Pour vous",
    },
}

# German, so that a sign-in and a settings page in a third language are exercised: the engine
# must not depend on English or French wording there (X translates everything).
_UI["de"] = {
    **_UI["en"],
    "signin_title": "Bei X anmelden",
    "username_placeholder": "Telefonnummer, E-Mail-Adresse oder Nutzername",
    "next": "Weiter",
    "forgot": "Passwort vergessen?",
    "password_title": "Gib dein Passwort ein",
    "password_placeholder": "Passwort",
    "login": "Anmelden",
    "unusual_title": "Gib deine Telefonnummer oder deinen Nutzernamen ein",
    "unusual_text": "Es gab ungewöhnliche Anmeldeaktivitäten in deinem Account. Um deinen "
    "Account zu schützen, gib bitte deine Telefonnummer oder deinen Nutzernamen ein, um zu "
    "bestätigen, dass du es bist.",
    "unusual_title_email": "Gib deine Telefonnummer oder E-Mail-Adresse ein",
    "unusual_text_email": "Es gab ungewöhnliche Anmeldeaktivitäten in deinem Account. Um "
    "deinen Account zu schützen, gib bitte deine Telefonnummer oder E-Mail-Adresse ein, um zu "
    "bestätigen, dass du es bist.",
    "two_factor_title": "Gib deinen Bestätigungscode ein",
    "two_factor_text": "Verwende deine Codegenerator-App, um einen Code zu erstellen, und gib "
    "ihn unten ein.",
    "email_code_title": "Sieh in deinen E-Mails nach",
    "email_code_text": "Du erhältst einen Bestätigungscode an deine E-Mail-Adresse. Gib ihn "
    "unten ein, um fortzufahren.",
    "sms_code_title": "Sieh auf deinem Telefon nach",
    "sms_code_text": "Wir haben dir per SMS einen Bestätigungscode an deine Telefonnummer mit "
    "der Endung {digits} gesendet. Gib ihn unten ein, um fortzufahren.",
    "code_placeholder": "Code eingeben",
    "captcha_title": "Authentifiziere deinen Account",
    "captcha_text": "Löse dieses Rätsel, um zu bestätigen, dass du ein Mensch bist.",
    "google_button": "Mit Google anmelden",
    "refused_text": "Die Anmeldung ist gerade nicht möglich. Bitte versuche es später noch einmal.",
    "wrong_password": "Falsches Passwort!",
    "unknown_account": "Wir konnten deinen Account leider nicht finden.",
    "incorrect": "Falsch. Bitte versuche es noch einmal.",
    "went_wrong": "Etwas ist schiefgelaufen. Versuche, die Seite neu zu laden.",
    "not_authenticated": "Wir konnten dich nicht authentifizieren.",
    "rate_limited": "Etwas ist schiefgelaufen, aber keine Sorge – es liegt nicht an dir. "
    "Versuche es noch einmal.",
    "retry": "Wiederholen",
    "access_title": "Authentifiziere deinen Account",
    "access_text": "Bestätige deine Identität. Dein Account wurde zu seinem Schutz gesperrt. "
    "Bestätige deine Identität, um ihn zu entsperren.",
    "start": "Starten",
    "home": "Startseite",
    "explore": "Entdecken",
    "notifications": "Mitteilungen",
    "messages": "Nachrichten",
    "settings": "Einstellungen",
    "post": "Posten",
    "settings_title": "Einstellungen",
    "search_settings": "Einstellungen durchsuchen",
    "your_account": "Dein Account",
    "accessibility": "Barrierefreiheit, Anzeige und Sprachen",
    "privacy_title": "Datenschutz und Sicherheit",
    "data_sharing": "Datenweitergabe und Personalisierung",
    "delete_history": "Unterhaltungsverlauf löschen",
    "delete_confirm_title": "Unterhaltungsverlauf löschen?",
    "delete_confirm_text": "Das kann nicht rückgängig gemacht werden; dein Grok-"
    "Unterhaltungsverlauf wird entfernt.",
    "delete": "Löschen",
    "cancel": "Abbrechen",
    "grok_intro": "Lege fest, ob deine Daten mit xAI geteilt und zum Trainieren und "
    "Personalisieren von Grok verwendet werden.",
}

#: The label X shows when it changed the training box's wording (the `changed_label` layout).
CHANGED_TRAINING_LABEL = "Allow xAI to use your data to improve its products and services"

#: The personalization box's label turned round (the `negated_label` layout): a box whose
#: meaning is inverted, which unticking would switch on. Other languages get the English one.
NEGATED_PERSONALIZATION_LABEL = {
    "en": "Don't allow X to personalize your experience with Grok",
    "fr": "Ne pas autoriser X à personnaliser votre expérience avec Grok",
}

#: The training box's label with words of its own after it (the `extended_label` layout).
EXTENDED_TRAINING_LABEL = {
    "en": "Allow your public data as well as your interactions, inputs, and results with Grok "
    "and xAI to be used for training and fine-tuning, and to be shared with business partners",
    "fr": "Autoriser l'utilisation de mes données publiques ainsi que de mes interactions, "
    "saisies et résultats obtenus avec Grok et xAI à des fins d'entraînement et d'ajustement, "
    "et leur partage avec des partenaires commerciaux",
}

#: The training box's wording until late 2024 (x-reference §2), for the `old_label` layout.
OLD_TRAINING_LABEL = (
    "Allow your posts as well as your interactions, inputs, and results with Grok to be used for "
    "training and fine-tuning"
)


def ui_texts(language: str) -> dict[str, str]:
    """English, French and German page texts; other languages get English around their own
    labels."""
    return _UI.get(language, _UI["en"])


def page_texts(language: str) -> dict[str, str]:
    texts = dict(ui_texts(language))
    table = label_table()
    texts.update(table.get(language, table["en"]))
    return texts
