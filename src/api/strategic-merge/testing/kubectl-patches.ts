/**
 * @module Strategic merge patches captured from real kubectl binaries by
 * scripts/capture-kubectl-patches.mjs (kubectl against a stub server; regenerate with it).
 * Each entry: the live object kubectl read, the patch it sent and the query string.
 */
// Generated: do not edit by hand.
export interface CapturedPatch {
  readonly name: string;
  /** The kubectl versions that sent exactly this patch. */
  readonly kubectl: readonly string[];
  readonly note: string;
  readonly contentType: string;
  readonly query: string;
  readonly live: Record<string, unknown>;
  readonly patch: Record<string, unknown>;
}

export const kubectlPatches: readonly CapturedPatch[] = [
 {
  "name": "apply-deployment",
  "note": "apply v2: image 1.28, env B removed, port 443 and a sidecar added, volume source emptyDir→configMap, strategy Recreate; another actor had added a label, an env var and defaults",
  "contentType": "application/strategic-merge-patch+json",
  "live": {
   "apiVersion": "apps/v1",
   "kind": "Deployment",
   "metadata": {
    "annotations": {
     "kubectl.kubernetes.io/last-applied-configuration": "{\"apiVersion\":\"apps/v1\",\"kind\":\"Deployment\",\"metadata\":{\"annotations\":{},\"labels\":{\"app\":\"web\"},\"name\":\"web\",\"namespace\":\"default\"},\"spec\":{\"replicas\":2,\"selector\":{\"matchLabels\":{\"app\":\"web\"}},\"template\":{\"metadata\":{\"labels\":{\"app\":\"web\"}},\"spec\":{\"containers\":[{\"env\":[{\"name\":\"A\",\"value\":\"1\"},{\"name\":\"B\",\"value\":\"2\"}],\"image\":\"nginx:1.27\",\"name\":\"c1\",\"ports\":[{\"containerPort\":80}]}],\"volumes\":[{\"emptyDir\":{},\"name\":\"data\"}]}}}}\n",
     "deployment.kubernetes.io/revision": "1"
    },
    "labels": {
     "app": "web",
     "team": "ops"
    },
    "name": "web",
    "namespace": "default",
    "resourceVersion": "1"
   },
   "spec": {
    "replicas": 2,
    "selector": {
     "matchLabels": {
      "app": "web"
     }
    },
    "template": {
     "metadata": {
      "labels": {
       "app": "web"
      }
     },
     "spec": {
      "containers": [
       {
        "env": [
         {
          "name": "A",
          "value": "1"
         },
         {
          "name": "B",
          "value": "2"
         },
         {
          "name": "INJECTED",
          "value": "by-webhook"
         }
        ],
        "image": "nginx:1.27",
        "name": "c1",
        "ports": [
         {
          "containerPort": 80,
          "protocol": "TCP"
         }
        ],
        "terminationMessagePath": "/dev/termination-log",
        "imagePullPolicy": "IfNotPresent"
       }
      ],
      "volumes": [
       {
        "emptyDir": {},
        "name": "data"
       }
      ],
      "restartPolicy": "Always"
     }
    },
    "strategy": {
     "type": "RollingUpdate",
     "rollingUpdate": {
      "maxSurge": "25%",
      "maxUnavailable": "25%"
     }
    }
   },
   "status": {
    "replicas": 2,
    "readyReplicas": 2
   }
  },
  "patch": {
   "metadata": {
    "annotations": {
     "kubectl.kubernetes.io/last-applied-configuration": "{\"apiVersion\":\"apps/v1\",\"kind\":\"Deployment\",\"metadata\":{\"annotations\":{},\"labels\":{\"app\":\"web\"},\"name\":\"web\",\"namespace\":\"default\"},\"spec\":{\"replicas\":2,\"selector\":{\"matchLabels\":{\"app\":\"web\"}},\"strategy\":{\"type\":\"Recreate\"},\"template\":{\"metadata\":{\"labels\":{\"app\":\"web\"}},\"spec\":{\"containers\":[{\"env\":[{\"name\":\"A\",\"value\":\"1\"}],\"image\":\"nginx:1.28\",\"name\":\"c1\",\"ports\":[{\"containerPort\":80},{\"containerPort\":443,\"protocol\":\"TCP\"}]},{\"command\":[\"sleep\",\"3600\"],\"image\":\"busybox\",\"name\":\"sidecar\"}],\"volumes\":[{\"configMap\":{\"name\":\"cfg\"},\"name\":\"data\"}]}}}}\n"
    }
   },
   "spec": {
    "strategy": {
     "$retainKeys": [
      "type"
     ],
     "type": "Recreate"
    },
    "template": {
     "spec": {
      "$setElementOrder/containers": [
       {
        "name": "c1"
       },
       {
        "name": "sidecar"
       }
      ],
      "$setElementOrder/volumes": [
       {
        "name": "data"
       }
      ],
      "containers": [
       {
        "$setElementOrder/env": [
         {
          "name": "A"
         }
        ],
        "$setElementOrder/ports": [
         {
          "containerPort": 80
         },
         {
          "containerPort": 443
         }
        ],
        "env": [
         {
          "$patch": "delete",
          "name": "B"
         }
        ],
        "image": "nginx:1.28",
        "name": "c1",
        "ports": [
         {
          "containerPort": 443,
          "protocol": "TCP"
         }
        ]
       },
       {
        "command": [
         "sleep",
         "3600"
        ],
        "image": "busybox",
        "name": "sidecar"
       }
      ],
      "volumes": [
       {
        "$retainKeys": [
         "configMap",
         "name"
        ],
        "configMap": {
         "name": "cfg"
        },
        "emptyDir": null,
        "name": "data"
       }
      ]
     }
    }
   }
  },
  "query": "?fieldManager=kubectl-client-side-apply&fieldValidation=Strict",
  "kubectl": [
   "1.27",
   "1.33"
  ]
 },
 {
  "name": "set-image",
  "note": "kubectl set image deployment/web c1=nginx:1.29",
  "contentType": "application/strategic-merge-patch+json",
  "live": {
   "apiVersion": "apps/v1",
   "kind": "Deployment",
   "metadata": {
    "annotations": {
     "kubectl.kubernetes.io/last-applied-configuration": "{\"apiVersion\":\"apps/v1\",\"kind\":\"Deployment\",\"metadata\":{\"annotations\":{},\"labels\":{\"app\":\"web\"},\"name\":\"web\",\"namespace\":\"default\"},\"spec\":{\"replicas\":2,\"selector\":{\"matchLabels\":{\"app\":\"web\"}},\"strategy\":{\"type\":\"Recreate\"},\"template\":{\"metadata\":{\"labels\":{\"app\":\"web\"}},\"spec\":{\"containers\":[{\"env\":[{\"name\":\"A\",\"value\":\"1\"}],\"image\":\"nginx:1.28\",\"name\":\"c1\",\"ports\":[{\"containerPort\":80},{\"containerPort\":443,\"protocol\":\"TCP\"}]},{\"command\":[\"sleep\",\"3600\"],\"image\":\"busybox\",\"name\":\"sidecar\"}],\"volumes\":[{\"configMap\":{\"name\":\"cfg\"},\"name\":\"data\"}]}}}}\n",
     "deployment.kubernetes.io/revision": "1"
    },
    "labels": {
     "app": "web",
     "team": "ops"
    },
    "name": "web",
    "namespace": "default",
    "resourceVersion": "2"
   },
   "spec": {
    "replicas": 2,
    "selector": {
     "matchLabels": {
      "app": "web"
     }
    },
    "template": {
     "metadata": {
      "labels": {
       "app": "web"
      }
     },
     "spec": {
      "containers": [
       {
        "env": [
         {
          "name": "A",
          "value": "1"
         },
         {
          "name": "INJECTED",
          "value": "by-webhook"
         }
        ],
        "image": "nginx:1.28",
        "name": "c1",
        "ports": [
         {
          "containerPort": 80,
          "protocol": "TCP"
         },
         {
          "containerPort": 443,
          "protocol": "TCP"
         }
        ],
        "terminationMessagePath": "/dev/termination-log",
        "imagePullPolicy": "IfNotPresent"
       },
       {
        "command": [
         "sleep",
         "3600"
        ],
        "image": "busybox",
        "name": "sidecar"
       }
      ],
      "volumes": [
       {
        "name": "data",
        "configMap": {
         "name": "cfg"
        }
       }
      ],
      "restartPolicy": "Always"
     }
    },
    "strategy": {
     "type": "Recreate"
    }
   },
   "status": {
    "replicas": 2,
    "readyReplicas": 2
   }
  },
  "patch": {
   "spec": {
    "template": {
     "spec": {
      "$setElementOrder/containers": [
       {
        "name": "c1"
       },
       {
        "name": "sidecar"
       }
      ],
      "containers": [
       {
        "image": "nginx:1.29",
        "name": "c1"
       }
      ]
     }
    }
   }
  },
  "query": "?fieldManager=kubectl-set",
  "kubectl": [
   "1.27",
   "1.33"
  ]
 },
 {
  "name": "set-env",
  "note": "kubectl set env deployment/web -c c1 FOO=bar A-",
  "contentType": "application/strategic-merge-patch+json",
  "live": {
   "apiVersion": "apps/v1",
   "kind": "Deployment",
   "metadata": {
    "annotations": {
     "kubectl.kubernetes.io/last-applied-configuration": "{\"apiVersion\":\"apps/v1\",\"kind\":\"Deployment\",\"metadata\":{\"annotations\":{},\"labels\":{\"app\":\"web\"},\"name\":\"web\",\"namespace\":\"default\"},\"spec\":{\"replicas\":2,\"selector\":{\"matchLabels\":{\"app\":\"web\"}},\"strategy\":{\"type\":\"Recreate\"},\"template\":{\"metadata\":{\"labels\":{\"app\":\"web\"}},\"spec\":{\"containers\":[{\"env\":[{\"name\":\"A\",\"value\":\"1\"}],\"image\":\"nginx:1.28\",\"name\":\"c1\",\"ports\":[{\"containerPort\":80},{\"containerPort\":443,\"protocol\":\"TCP\"}]},{\"command\":[\"sleep\",\"3600\"],\"image\":\"busybox\",\"name\":\"sidecar\"}],\"volumes\":[{\"configMap\":{\"name\":\"cfg\"},\"name\":\"data\"}]}}}}\n",
     "deployment.kubernetes.io/revision": "1"
    },
    "labels": {
     "app": "web",
     "team": "ops"
    },
    "name": "web",
    "namespace": "default",
    "resourceVersion": "3"
   },
   "spec": {
    "replicas": 2,
    "selector": {
     "matchLabels": {
      "app": "web"
     }
    },
    "template": {
     "metadata": {
      "labels": {
       "app": "web"
      }
     },
     "spec": {
      "containers": [
       {
        "env": [
         {
          "name": "A",
          "value": "1"
         },
         {
          "name": "INJECTED",
          "value": "by-webhook"
         }
        ],
        "image": "nginx:1.29",
        "name": "c1",
        "ports": [
         {
          "containerPort": 80,
          "protocol": "TCP"
         },
         {
          "containerPort": 443,
          "protocol": "TCP"
         }
        ],
        "terminationMessagePath": "/dev/termination-log",
        "imagePullPolicy": "IfNotPresent"
       },
       {
        "command": [
         "sleep",
         "3600"
        ],
        "image": "busybox",
        "name": "sidecar"
       }
      ],
      "volumes": [
       {
        "name": "data",
        "configMap": {
         "name": "cfg"
        }
       }
      ],
      "restartPolicy": "Always"
     }
    },
    "strategy": {
     "type": "Recreate"
    }
   },
   "status": {
    "replicas": 2,
    "readyReplicas": 2
   }
  },
  "patch": {
   "spec": {
    "template": {
     "spec": {
      "$setElementOrder/containers": [
       {
        "name": "c1"
       },
       {
        "name": "sidecar"
       }
      ],
      "containers": [
       {
        "$setElementOrder/env": [
         {
          "name": "INJECTED"
         },
         {
          "name": "FOO"
         }
        ],
        "env": [
         {
          "name": "FOO",
          "value": "bar"
         },
         {
          "$patch": "delete",
          "name": "A"
         }
        ],
        "name": "c1"
       }
      ]
     }
    }
   }
  },
  "query": "?fieldManager=kubectl-set",
  "kubectl": [
   "1.27",
   "1.33"
  ]
 },
 {
  "name": "edit-deployment",
  "note": "kubectl edit: replicas 2→5 and the INJECTED env var deleted in the editor",
  "contentType": "application/strategic-merge-patch+json",
  "live": {
   "apiVersion": "apps/v1",
   "kind": "Deployment",
   "metadata": {
    "annotations": {
     "kubectl.kubernetes.io/last-applied-configuration": "{\"apiVersion\":\"apps/v1\",\"kind\":\"Deployment\",\"metadata\":{\"annotations\":{},\"labels\":{\"app\":\"web\"},\"name\":\"web\",\"namespace\":\"default\"},\"spec\":{\"replicas\":2,\"selector\":{\"matchLabels\":{\"app\":\"web\"}},\"strategy\":{\"type\":\"Recreate\"},\"template\":{\"metadata\":{\"labels\":{\"app\":\"web\"}},\"spec\":{\"containers\":[{\"env\":[{\"name\":\"A\",\"value\":\"1\"}],\"image\":\"nginx:1.28\",\"name\":\"c1\",\"ports\":[{\"containerPort\":80},{\"containerPort\":443,\"protocol\":\"TCP\"}]},{\"command\":[\"sleep\",\"3600\"],\"image\":\"busybox\",\"name\":\"sidecar\"}],\"volumes\":[{\"configMap\":{\"name\":\"cfg\"},\"name\":\"data\"}]}}}}\n",
     "deployment.kubernetes.io/revision": "1"
    },
    "labels": {
     "app": "web",
     "team": "ops"
    },
    "name": "web",
    "namespace": "default",
    "resourceVersion": "4"
   },
   "spec": {
    "replicas": 2,
    "selector": {
     "matchLabels": {
      "app": "web"
     }
    },
    "template": {
     "metadata": {
      "labels": {
       "app": "web"
      }
     },
     "spec": {
      "containers": [
       {
        "env": [
         {
          "name": "INJECTED",
          "value": "by-webhook"
         },
         {
          "name": "FOO",
          "value": "bar"
         }
        ],
        "image": "nginx:1.29",
        "name": "c1",
        "ports": [
         {
          "containerPort": 80,
          "protocol": "TCP"
         },
         {
          "containerPort": 443,
          "protocol": "TCP"
         }
        ],
        "terminationMessagePath": "/dev/termination-log",
        "imagePullPolicy": "IfNotPresent"
       },
       {
        "command": [
         "sleep",
         "3600"
        ],
        "image": "busybox",
        "name": "sidecar"
       }
      ],
      "volumes": [
       {
        "name": "data",
        "configMap": {
         "name": "cfg"
        }
       }
      ],
      "restartPolicy": "Always"
     }
    },
    "strategy": {
     "type": "Recreate"
    }
   },
   "status": {
    "replicas": 2,
    "readyReplicas": 2
   }
  },
  "patch": {
   "spec": {
    "replicas": 5,
    "template": {
     "spec": {
      "$setElementOrder/containers": [
       {
        "name": "c1"
       },
       {
        "name": "sidecar"
       }
      ],
      "containers": [
       {
        "$setElementOrder/env": [
         {
          "name": "FOO"
         }
        ],
        "env": [
         {
          "$patch": "delete",
          "name": "INJECTED"
         }
        ],
        "name": "c1"
       }
      ]
     }
    }
   },
   "status": {
    "replicas": 5
   }
  },
  "query": "?fieldManager=kubectl-edit&fieldValidation=Strict",
  "kubectl": [
   "1.27",
   "1.33"
  ]
 },
 {
  "name": "rollout-restart",
  "note": "kubectl rollout restart deployment/web",
  "contentType": "application/strategic-merge-patch+json",
  "live": {
   "apiVersion": "apps/v1",
   "kind": "Deployment",
   "metadata": {
    "annotations": {
     "kubectl.kubernetes.io/last-applied-configuration": "{\"apiVersion\":\"apps/v1\",\"kind\":\"Deployment\",\"metadata\":{\"annotations\":{},\"labels\":{\"app\":\"web\"},\"name\":\"web\",\"namespace\":\"default\"},\"spec\":{\"replicas\":2,\"selector\":{\"matchLabels\":{\"app\":\"web\"}},\"strategy\":{\"type\":\"Recreate\"},\"template\":{\"metadata\":{\"labels\":{\"app\":\"web\"}},\"spec\":{\"containers\":[{\"env\":[{\"name\":\"A\",\"value\":\"1\"}],\"image\":\"nginx:1.28\",\"name\":\"c1\",\"ports\":[{\"containerPort\":80},{\"containerPort\":443,\"protocol\":\"TCP\"}]},{\"command\":[\"sleep\",\"3600\"],\"image\":\"busybox\",\"name\":\"sidecar\"}],\"volumes\":[{\"configMap\":{\"name\":\"cfg\"},\"name\":\"data\"}]}}}}\n",
     "deployment.kubernetes.io/revision": "1"
    },
    "labels": {
     "app": "web",
     "team": "ops"
    },
    "name": "web",
    "namespace": "default",
    "resourceVersion": "5"
   },
   "spec": {
    "replicas": 5,
    "selector": {
     "matchLabels": {
      "app": "web"
     }
    },
    "template": {
     "metadata": {
      "labels": {
       "app": "web"
      }
     },
     "spec": {
      "containers": [
       {
        "env": [
         {
          "name": "FOO",
          "value": "bar"
         }
        ],
        "image": "nginx:1.29",
        "name": "c1",
        "ports": [
         {
          "containerPort": 80,
          "protocol": "TCP"
         },
         {
          "containerPort": 443,
          "protocol": "TCP"
         }
        ],
        "terminationMessagePath": "/dev/termination-log",
        "imagePullPolicy": "IfNotPresent"
       },
       {
        "command": [
         "sleep",
         "3600"
        ],
        "image": "busybox",
        "name": "sidecar"
       }
      ],
      "volumes": [
       {
        "name": "data",
        "configMap": {
         "name": "cfg"
        }
       }
      ],
      "restartPolicy": "Always"
     }
    },
    "strategy": {
     "type": "Recreate"
    }
   },
   "status": {
    "replicas": 5,
    "readyReplicas": 2
   }
  },
  "patch": {
   "spec": {
    "template": {
     "metadata": {
      "annotations": {
       "kubectl.kubernetes.io/restartedAt": "2025-01-01T00:00:00Z"
      }
     }
    }
   }
  },
  "query": "?fieldManager=kubectl-rollout",
  "kubectl": [
   "1.27",
   "1.33"
  ]
 },
 {
  "name": "apply-configmap",
  "note": "apply v2: data.b removed, data.c added, a label added",
  "contentType": "application/strategic-merge-patch+json",
  "live": {
   "apiVersion": "v1",
   "data": {
    "a": "1",
    "b": "2"
   },
   "kind": "ConfigMap",
   "metadata": {
    "annotations": {
     "kubectl.kubernetes.io/last-applied-configuration": "{\"apiVersion\":\"v1\",\"data\":{\"a\":\"1\",\"b\":\"2\"},\"kind\":\"ConfigMap\",\"metadata\":{\"annotations\":{},\"name\":\"cfg\",\"namespace\":\"default\"}}\n"
    },
    "name": "cfg",
    "namespace": "default",
    "resourceVersion": "1"
   }
  },
  "patch": {
   "data": {
    "b": null,
    "c": "3"
   },
   "metadata": {
    "annotations": {
     "kubectl.kubernetes.io/last-applied-configuration": "{\"apiVersion\":\"v1\",\"data\":{\"a\":\"1\",\"c\":\"3\"},\"kind\":\"ConfigMap\",\"metadata\":{\"annotations\":{},\"labels\":{\"tier\":\"x\"},\"name\":\"cfg\",\"namespace\":\"default\"}}\n"
    },
    "labels": {
     "tier": "x"
    }
   }
  },
  "query": "?fieldManager=kubectl-client-side-apply&fieldValidation=Strict",
  "kubectl": [
   "1.27",
   "1.33"
  ]
 },
 {
  "name": "apply-service",
  "note": "apply v2: port http/80 replaced by https/443; clusterIP was allocated by the server",
  "contentType": "application/strategic-merge-patch+json",
  "live": {
   "apiVersion": "v1",
   "kind": "Service",
   "metadata": {
    "annotations": {
     "kubectl.kubernetes.io/last-applied-configuration": "{\"apiVersion\":\"v1\",\"kind\":\"Service\",\"metadata\":{\"annotations\":{},\"name\":\"web\",\"namespace\":\"default\"},\"spec\":{\"ports\":[{\"name\":\"http\",\"port\":80,\"targetPort\":80}],\"selector\":{\"app\":\"web\"}}}\n"
    },
    "name": "web",
    "namespace": "default",
    "resourceVersion": "1"
   },
   "spec": {
    "ports": [
     {
      "name": "http",
      "port": 80,
      "targetPort": 80
     }
    ],
    "selector": {
     "app": "web"
    },
    "clusterIP": "10.43.0.10"
   }
  },
  "patch": {
   "metadata": {
    "annotations": {
     "kubectl.kubernetes.io/last-applied-configuration": "{\"apiVersion\":\"v1\",\"kind\":\"Service\",\"metadata\":{\"annotations\":{},\"name\":\"web\",\"namespace\":\"default\"},\"spec\":{\"ports\":[{\"name\":\"https\",\"port\":443,\"targetPort\":443}],\"selector\":{\"app\":\"web\"}}}\n"
    }
   },
   "spec": {
    "$setElementOrder/ports": [
     {
      "port": 443
     }
    ],
    "ports": [
     {
      "name": "https",
      "port": 443,
      "targetPort": 443
     },
     {
      "$patch": "delete",
      "port": 80
     }
    ]
   }
  },
  "query": "?fieldManager=kubectl-client-side-apply&fieldValidation=Strict",
  "kubectl": [
   "1.27",
   "1.33"
  ]
 }
];
