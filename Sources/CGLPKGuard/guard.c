#include "CGLPKGuard.h"

#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static _Thread_local jmp_buf *jump_target;
static _Thread_local unsigned long generation;
static _Thread_local int log_mode;
static _Thread_local char *log_text;
static _Thread_local size_t log_length, log_capacity;
/* Text GLPK printed during the current guarded call: the error message. */
static _Thread_local char call_text[2048];
static _Thread_local size_t call_length;
static _Thread_local char last_error[2048];
/* Problems alive on this thread; the environment is freed when none is left. */
static _Thread_local long live_problems;

static void append_log(const char *s) {
    size_t n = strlen(s);
    if (log_length + n + 1 > log_capacity) {
        size_t capacity = log_capacity ? log_capacity : 4096;
        while (log_length + n + 1 > capacity) capacity *= 2;
        char *grown = realloc(log_text, capacity);
        if (grown == NULL) return; /* drop log text rather than fail the solve */
        log_text = grown;
        log_capacity = capacity;
    }
    memcpy(log_text + log_length, s, n + 1);
    log_length += n;
}

static int on_terminal(void *info, const char *s) {
    (void)info;
    size_t n = strlen(s);
    size_t room = sizeof call_text - 1 - call_length;
    if (n > room) n = room;
    memcpy(call_text + call_length, s, n);
    call_length += n;
    call_text[call_length] = '\0';
    if (log_mode == 1) append_log(s);
    else if (log_mode == 2) fputs(s, stderr);
    return 1; /* never let GLPK write to stdout itself */
}

static void on_error(void *info) {
    (void)info;
    if (jump_target != NULL) longjmp(*jump_target, 1);
    /* No guard active: GLPK will abort. Every entry point below is guarded. */
}

unsigned long spg_generation(void) { return generation; }
const char *spg_last_error(void) { return last_error; }
void spg_set_log_mode(int mode) { log_mode = mode; }

char *spg_log_take(void) {
    char *copy = malloc(log_length + 1);
    if (copy == NULL) return NULL;
    if (log_length) memcpy(copy, log_text, log_length);
    copy[log_length] = '\0';
    log_length = 0;
    return copy;
}

static void begin_call(void) {
    call_length = 0;
    call_text[0] = '\0';
    glp_term_out(GLP_ON);
    glp_term_hook(on_terminal, NULL);
    glp_error_hook(on_error, NULL);
}

static void recover(void) {
    /* Keep the message GLPK printed before it gave up. */
    memcpy(last_error, call_text, call_length + 1);
    size_t n = strlen(last_error);
    while (n > 0 && (last_error[n - 1] == '\n' || last_error[n - 1] == ' ')) last_error[--n] = '\0';
    jump_target = NULL;
    glp_free_env();
    live_problems = 0;
    generation++;
}

/* The setjmp must live in the function that makes the GLPK call. */
#define GUARDED(...)                                   \
    do {                                               \
        jmp_buf target;                                \
        if (setjmp(target) != 0) {                     \
            recover();                                 \
            return -1;                                 \
        }                                              \
        jump_target = &target;                         \
        begin_call();                                  \
        __VA_ARGS__;                                   \
        jump_target = NULL;                            \
        return 0;                                      \
    } while (0)

int spg_create(glp_prob **out) {
    GUARDED(*out = glp_create_prob(); live_problems++);
}

/* Sets bounds, names and coefficients of rows first .. first + r->count - 1. */
static void fill_rows(glp_prob *P, int first, const spg_rows *r) {
    for (int k = 1; k <= r->count; k++) {
        int i = first + k - 1;
        glp_set_row_bnds(P, i, r->type[k], r->lower[k], r->upper[k]);
        if (r->name_offset[k] >= 0) glp_set_row_name(P, i, (const char *)r->name_blob + r->name_offset[k]);
        long start = r->start[k - 1];
        int length = (int)(r->start[k] - start);
        /* GLPK reads elements 1..length: start the arrays one before the row. */
        if (length > 0) glp_set_mat_row(P, i, length, r->entry_col + start, r->entry_value + start);
    }
}

int spg_load(glp_prob *P, const spg_model *m) {
    GUARDED({
        if (m->problem_name[0]) glp_set_prob_name(P, m->problem_name);
        if (m->objective_name[0]) glp_set_obj_name(P, m->objective_name);
        glp_set_obj_dir(P, m->maximize ? GLP_MAX : GLP_MIN);
        glp_set_obj_coef(P, 0, m->objective_constant);
        if (m->rows.count > 0) glp_add_rows(P, m->rows.count);
        if (m->col_count > 0) glp_add_cols(P, m->col_count);
        for (int j = 1; j <= m->col_count; j++) {
            glp_set_col_bnds(P, j, m->col_type[j], m->col_lower[j], m->col_upper[j]);
            glp_set_obj_coef(P, j, m->col_objective[j]);
            if (m->col_is_integer[j]) glp_set_col_kind(P, j, GLP_IV);
            if (m->col_name_offset[j] >= 0)
                glp_set_col_name(P, j, (const char *)m->rows.name_blob + m->col_name_offset[j]);
        }
        fill_rows(P, 1, &m->rows);
    });
}

int spg_add_rows(glp_prob *P, const spg_rows *rows) {
    GUARDED({
        if (rows->count > 0) fill_rows(P, glp_add_rows(P, rows->count), rows);
    });
}

int spg_get_mat_row(glp_prob *P, int i, int *ind, double *val, int *len) {
    GUARDED(*len = glp_get_mat_row(P, i, ind, val));
}

int spg_delete(glp_prob *P) {
    GUARDED({
        glp_delete_prob(P);
        /* Leave no thread-local GLPK memory behind on threads that come and go. */
        if (--live_problems == 0) glp_free_env();
    });
}

int spg_basis(glp_prob *P, int advanced) {
    GUARDED(if (advanced) glp_adv_basis(P, 0); else glp_std_basis(P));
}

int spg_scale(glp_prob *P) { GUARDED(glp_scale_prob(P, GLP_SF_AUTO)); }

int spg_simplex(glp_prob *P, const glp_smcp *parm, int *result) {
    GUARDED(*result = glp_simplex(P, parm));
}

static void observe_tree(glp_tree *T, void *info) {
    spg_mip_info *mip = info;
    int active, total, created;
    glp_ios_tree_size(T, &active, &total, &created);
    mip->nodes = created;
    int best = glp_ios_best_node(T);
    if (best != 0) {
        mip->best_bound = glp_ios_node_bound(T, best);
        mip->has_bound = 1;
    }
}

int spg_exact(glp_prob *P, const glp_smcp *parm, int *result) {
    GUARDED(*result = glp_exact(P, parm));
}

int spg_intopt(glp_prob *P, const glp_iocp *parm, int *result, spg_mip_info *info) {
    glp_iocp with_callback = *parm;
    info->has_bound = 0;
    info->nodes = 0;
    with_callback.cb_func = observe_tree;
    with_callback.cb_info = info;
    GUARDED(*result = glp_intopt(P, &with_callback));
}

int spg_read_lp(glp_prob *P, const spg_solution_buffers *out) {
    GUARDED({
        int m = glp_get_num_rows(P), n = glp_get_num_cols(P);
        for (int i = 1; i <= m; i++) {
            if (out->row_value) out->row_value[i] = glp_get_row_prim(P, i);
            if (out->row_dual) out->row_dual[i] = glp_get_row_dual(P, i);
        }
        for (int j = 1; j <= n; j++) {
            if (out->col_value) out->col_value[j] = glp_get_col_prim(P, j);
            if (out->col_dual) out->col_dual[j] = glp_get_col_dual(P, j);
        }
    });
}

int spg_read_mip(glp_prob *P, const spg_solution_buffers *out) {
    GUARDED({
        int m = glp_get_num_rows(P), n = glp_get_num_cols(P);
        for (int i = 1; i <= m; i++)
            if (out->row_value) out->row_value[i] = glp_mip_row_val(P, i);
        for (int j = 1; j <= n; j++)
            if (out->col_value) out->col_value[j] = glp_mip_col_val(P, j);
    });
}

int spg_set_row_bounds(glp_prob *P, int count, const int *row, const int *type,
                       const double *lower, const double *upper) {
    GUARDED(for (int k = 0; k < count; k++) glp_set_row_bnds(P, row[k], type[k], lower[k], upper[k]));
}

int spg_set_col_bounds(glp_prob *P, int count, const int *col, const int *type,
                       const double *lower, const double *upper) {
    GUARDED(for (int k = 0; k < count; k++) glp_set_col_bnds(P, col[k], type[k], lower[k], upper[k]));
}

int spg_set_mat_row(glp_prob *P, int i, int len, const int *ind, const double *val) {
    GUARDED(glp_set_mat_row(P, i, len, ind, val));
}

int spg_get_basis(glp_prob *P, int *rows, int *cols) {
    GUARDED({
        int m = glp_get_num_rows(P), n = glp_get_num_cols(P);
        for (int i = 1; i <= m; i++) rows[i - 1] = glp_get_row_stat(P, i);
        for (int j = 1; j <= n; j++) cols[j - 1] = glp_get_col_stat(P, j);
    });
}

int spg_set_basis(glp_prob *P, const int *rows, const int *cols) {
    GUARDED({
        int m = glp_get_num_rows(P), n = glp_get_num_cols(P);
        for (int i = 1; i <= m; i++) glp_set_row_stat(P, i, rows[i - 1]);
        for (int j = 1; j <= n; j++) glp_set_col_stat(P, j, cols[j - 1]);
    });
}

int spg_set_objective(glp_prob *P, int count, const int *col, const double *coef) {
    GUARDED(for (int k = 0; k < count; k++) glp_set_obj_coef(P, col[k], coef[k]));
}

int spg_analyze_bound(glp_prob *P, int k, double *value1, double *value2) {
    GUARDED({
        int var1, var2;
        glp_analyze_bound(P, k, value1, &var1, value2, &var2);
    });
}

int spg_analyze_coef(glp_prob *P, int k, double *coef1, double *coef2) {
    GUARDED({
        int var1, var2;
        double value1, value2;
        glp_analyze_coef(P, k, coef1, &var1, &value1, coef2, &var2, &value2);
    });
}

int spg_write(glp_prob *P, int fmt, const char *path, int *result) {
    GUARDED(*result = fmt == 0 ? glp_write_mps(P, GLP_MPS_FILE, NULL, path)
                               : glp_write_lp(P, NULL, path));
}

void spg_free_env(void) {
    glp_free_env();
    live_problems = 0;
}
