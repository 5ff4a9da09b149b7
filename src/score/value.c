/* value.c — value functions mapping a raw x to [0, 1]. */
#include "../internal.h"

#include <math.h>

/* (x - a) / (b - a). With extreme doubles b - a may overflow to infinity
 * (giving 0, or NaN when x - a overflows too), so then the halves are used,
 * whose differences cannot overflow. When only x - a overflows, the ratio is
 * ±inf, which clamps correctly. */
static double ratio(double x, double a, double b)
{
    if (isinf(b - a))
        return (x / 2 - a / 2) / (b / 2 - a / 2);
    return (x - a) / (b - a);
}

double pv_vf_eval(const pv_valuefn *vf, double x)
{
    switch (vf->type) {
    case PV_VF_LINEAR: {
        double v = ratio(x, vf->worst, vf->best);
        return v < 0 ? 0 : v > 1 ? 1 : v;
    }
    case PV_VF_PIECEWISE: {
        if (x <= vf->px[0])
            return vf->py[0];
        if (x >= vf->px[vf->npts - 1])
            return vf->py[vf->npts - 1];
        for (size_t i = 1; i < vf->npts; i++)
            if (x <= vf->px[i]) {
                double t = ratio(x, vf->px[i - 1], vf->px[i]);
                return vf->py[i - 1] + t * (vf->py[i] - vf->py[i - 1]);
            }
        return vf->py[vf->npts - 1];
    }
    case PV_VF_CATEGORICAL:
        break;
    }
    return 0;
}
