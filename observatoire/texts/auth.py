"""French texts of accounts and sign-in: the ``observatoire users`` command and the app sidebar."""

# CLI: observatoire users.
USERS_HELP = "gérer les comptes (connexion à l'application)"
ADDED = "Compte « {login} » créé (rôle : {role})."
UPDATED = "Compte « {login} » mis à jour (rôle : {role}, nouveau mot de passe)."
REMOVED = "Compte « {login} » supprimé."
UNKNOWN_USER = "Aucun compte « {login} »."
UNKNOWN_ROLE = "Rôle inconnu : « {role} ». Rôles possibles : {roles}."
INVALID_LOGIN = (
    "Identifiant invalide : « {login} ». Utilisez 1 à 64 lettres sans accent, chiffres "
    "ou caractères . _ @ + -."
)
EMPTY_PASSWORD = "Le mot de passe ne peut pas être vide."
PASSWORD_PROMPT = "Mot de passe : "
PASSWORD_CONFIRM = "Confirmez le mot de passe : "
PASSWORD_MISMATCH = "Les deux mots de passe diffèrent : rien n'a été modifié."
NO_USERS = "Aucun compte : l'application fonctionne en mode local."
LIST_HEADER = "{login:<{width}}  rôle"
UNREADABLE = "Le fichier des comptes {path} est illisible ({detail})."

# App sidebar.
SIGN_IN = "Connexion"
LOGIN = "Identifiant"
PASSWORD = "Mot de passe"
SUBMIT = "Se connecter"
SIGN_OUT = "Se déconnecter"
SIGNED_IN = "Connecté·e : {login} ({role})"
SIGNED_OUT = "Non connecté·e : vous voyez les données publiques."
WRONG = "Identifiant ou mot de passe incorrect."
THROTTLED = "Trop de tentatives échouées : réessayez dans {seconds} s."
OIDC_SIGN_IN = "Se connecter avec le compte de l'organisation"
OIDC_NO_ROLE = "Votre adresse {email} n'a pas de rôle attribué : vous voyez les données publiques."
REFUSED_SIGN_IN = "Connectez-vous dans la barre latérale pour y accéder."
ACCOUNTS_UNREADABLE = (
    "La connexion est indisponible : le fichier des comptes est illisible. Vous voyez les données "
    "publiques. L'administrateur peut le recréer avec « observatoire users add »."
)
