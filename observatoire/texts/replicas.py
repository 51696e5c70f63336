"""French messages of ``make serve`` (several replicas behind HAProxy, ``observatoire.replicas``)."""

NO_HAPROXY = (
    "HAProxy est introuvable : installez-le depuis Debian (« apt-get install haproxy »), "
    "ou lancez une seule instance avec « make run »."
)
LOCAL_BIND = (
    "Mode local (aucun compte, pas d'OIDC) : tout visiteur y est administrateur, le répartiteur "
    "n'écoute donc que sur la machine (localhost), pas sur « {address} ». Créez des comptes "
    "(« observatoire users add ») pour le publier."
)
BAD_REPLICAS = "Nombre de répliques invalide : « {value} » (un entier de 1 à 32)."
STARTING = "Démarrage de {replicas} réplique(s) Streamlit derrière HAProxy…"
READY = (
    "Prêt : http://{address}:{port} (répliques sur localhost, ports {ports}) ; "
    "configuration et journaux dans {folder}. Ctrl-C pour arrêter."
)
REPLICA_FAILED = "La réplique {name} ne répond pas (voir {log}) :\n{tail}"
BALANCER_FAILED = "HAProxy s'est arrêté (voir {log}) :\n{tail}"
RESTARTED = "La réplique {name} s'est arrêtée (code {code}) : redémarrée."
STOPPING = "Arrêt des répliques et du répartiteur."
