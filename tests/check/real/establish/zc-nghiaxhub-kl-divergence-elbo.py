"""zc-nghiaxhub-kl-divergence-elbo.md: KL(q || posterior) and the ELBO identity, with a discrete latent z
taking 3 values (integrals over z become sums), for one fixed observed x.
prior p(z=k) = w_k / sum w, likelihood p(x|z=k) = l_k, joint p(z=k, x) = p(z=k) l_k,
evidence p(x) = sum_k joint_k, posterior p(z=k|x) = joint_k / p(x), q(z=k|x) = v_k / sum v."""
import sympy as sp
from _common import vec, check

K = 3
w = vec("w", K, positive=True); l = vec("l", K, positive=True); v = vec("v", K, positive=True)
pz = [wi / sum(w) for wi in w]
joint = [pz[k] * l[k] for k in range(K)]
px = sum(joint)
post = [joint[k] / px for k in range(K)]
q = [vi / sum(v) for vi in v]
pos = w + l + v
E = lambda f: sum(q[k] * f(k) for k in range(K))  # E_{q_phi}[.]

# line 30: p(x) = sum_z p(z,x) = sum_z p(z) p(x|z)
check(30, px, sum(pz[k] * l[k] for k in range(K)), positive=pos)
# line 44: Bayes' rule, H = (z=1), E = x: p(H|E) = p(H,E)/p(E) equals p(H) p(E|H) / p(E) with p(E|H) = l_1
check(44, joint[0] / px, pz[0] * l[0] / px, positive=pos)
# line 56: posterior = prior * likelihood / evidence (every k)
check(56, post[1], pz[1] * l[1] / px, positive=pos)
# line 64: p(x) = p(x,z) / p(z|x)
check(64, px, joint[2] / post[2], positive=pos)

KL = sum(q[k] * sp.log(q[k] / post[k]) for k in range(K))  # line 96 definition
r103 = E(lambda k: sp.log(q[k] / post[k]))
check(103, KL, r103, positive=pos)
r104 = E(lambda k: sp.log(q[k])) - E(lambda k: sp.log(post[k]))
check(104, r103, r104, positive=pos)
r105 = E(lambda k: sp.log(q[k])) - E(lambda k: sp.log(joint[k] / px))
check(105, r104, r105, positive=pos)
r106 = E(lambda k: sp.log(q[k])) - E(lambda k: sp.log(joint[k])) + E(lambda k: sp.log(px))
check(106, r105, r106, positive=pos)
ELBO = E(lambda k: sp.log(joint[k]) - sp.log(q[k]))
r107 = sp.log(px) - ELBO
check(107, r106, r107, positive=pos)
# line 118: log p(x) = KL + ELBO
check(118, sp.log(px), KL + ELBO, positive=pos)
# lines 139-141
r139 = sp.log(sum(joint))
check(139, sp.log(px), r139, positive=pos)
r140 = sp.log(sum(joint[k] * q[k] / q[k] for k in range(K)))
check(140, r139, r140, positive=pos)
r141 = sp.log(E(lambda k: joint[k] / q[k]))
check(141, r140, r141, positive=pos)
