// A thin C layer between Swift and GLPK.
//
// GLPK reports fatal errors by calling abort(). The only way back is a
// longjmp out of its error hook, and a longjmp must never cross Swift frames,
// so every GLPK call that can fail is made here, inside a C function that
// holds the setjmp. After a caught error this thread's GLPK environment is
// freed (every problem object of the thread is gone) and the thread's
// generation counter moves on, so Swift can refuse stale handles.
#ifndef CGLPK_GUARD_H
#define CGLPK_GUARD_H

#include <glpk.h>

/// Rows in 1-based arrays (element 0 unused): their bounds, names and coefficients.
typedef struct {
    int count;
    const int *type;          /* GLP_FR, GLP_LO, GLP_UP, GLP_DB, GLP_FX */
    const double *lower;
    const double *upper;
    /* Row-wise sparse matrix: row i (1-based) has entries
       k = start[i-1]+1 ... start[i] of entry_col / entry_value. */
    const long *start;
    const int *entry_col;
    const double *entry_value;
    /* Names: NUL-terminated strings inside one blob; offset -1 = unnamed. */
    const unsigned char *name_blob;
    const long *name_offset;
} spg_rows;

/// A whole model in 1-based arrays (element 0 unused), loaded in one guarded call.
typedef struct {
    spg_rows rows;
    int col_count;
    const int *col_type;
    const double *col_lower;
    const double *col_upper;
    const double *col_objective;
    const unsigned char *col_is_integer;
    const long *col_name_offset; /* into rows.name_blob */
    double objective_constant;
    int maximize;
    const char *problem_name;   /* "" = none */
    const char *objective_name;
} spg_model;

/// Pointer-free read-out of a basic or MIP solution (1-based arrays).
typedef struct {
    double *col_value;
    double *col_dual;
    double *row_value;
    double *row_dual;
} spg_solution_buffers;

/* Thread facts. */
unsigned long spg_generation(void);
const char *spg_last_error(void);

/* Log: 0 = discard, 1 = capture (take with spg_log_take), 2 = write to stderr. */
void spg_set_log_mode(int mode);
/* Returns a malloc'ed copy of the captured log and clears it; caller frees. */
char *spg_log_take(void);

/* Guarded calls: return 0 on success, -1 when GLPK raised a fatal error
   (message in spg_last_error; the thread's environment has been freed). */
int spg_create(glp_prob **out);
int spg_load(glp_prob *P, const spg_model *model);
/* Appends rows after the existing ones; they enter the basis as basic rows. */
int spg_add_rows(glp_prob *P, const spg_rows *rows);
/* Row i's coefficients into ind[1..*len], val[1..*len] (room for the column count + 1). */
int spg_get_mat_row(glp_prob *P, int i, int *ind, double *val, int *len);
int spg_delete(glp_prob *P);
int spg_scale(glp_prob *P);
/* Resets the basis: 0 = standard (all rows basic), 1 = GLPK's advanced (crash) basis. */
int spg_basis(glp_prob *P, int advanced);
int spg_simplex(glp_prob *P, const glp_smcp *parm, int *result);
/* The basis statuses (GLP_BS .. GLP_NS) of every row into rows[0..m-1] and column into cols[0..n-1]. */
int spg_get_basis(glp_prob *P, int *rows, int *cols);
/* Sets every row's and column's basis status from rows[0..m-1] and cols[0..n-1] (each GLP_BS ..
   GLP_NS; GLPK adjusts a non-basic status to the bounds). The factorization is invalidated. */
int spg_set_basis(glp_prob *P, const int *rows, const int *cols);
/* Rational-arithmetic simplex from the current basis (glp_exact). */
int spg_exact(glp_prob *P, const glp_smcp *parm, int *result);
/* What the branch-and-bound tree showed last: its best open bound and node count. */
typedef struct {
    double best_bound;
    int has_bound;
    int nodes;
} spg_mip_info;

int spg_intopt(glp_prob *P, const glp_iocp *parm, int *result, spg_mip_info *info);
int spg_read_lp(glp_prob *P, const spg_solution_buffers *out);
int spg_read_mip(glp_prob *P, const spg_solution_buffers *out);
int spg_set_row_bounds(glp_prob *P, int count, const int *row, const int *type,
                       const double *lower, const double *upper);
int spg_set_col_bounds(glp_prob *P, int count, const int *col, const int *type,
                       const double *lower, const double *upper);
/* Replaces row i's coefficients (1-based arrays of length len, element 0 unused). */
int spg_set_mat_row(glp_prob *P, int i, int len, const int *ind, const double *val);
int spg_set_objective(glp_prob *P, int count, const int *col, const double *coef);
int spg_analyze_bound(glp_prob *P, int k, double *value1, double *value2);
int spg_analyze_coef(glp_prob *P, int k, double *coef1, double *coef2);
/* fmt: 0 = free MPS, 1 = CPLEX LP. *result is GLPK's return code (0 = written). */
int spg_write(glp_prob *P, int fmt, const char *path, int *result);
/* Frees the thread's GLPK environment; call before a worker thread ends. */
void spg_free_env(void);

#endif
