/* value.c — value functions mapping a raw x to [0, 1]. */
#include "../internal.h"

#include <math.h>

/* (x - a) / (b - a); with extreme doubles both differences may overflow to
 * infinity (inf / inf is NaN), so then the halves are used, which cannot. */
static double ratio(double x, double a, double b)
{
    double t = (x - a) / (b - a);
    if (isnan(t))
        t = (x / 2 - a / 2) / (b / 2 - a / 2);
    return t;
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
