#include "dyad.h"
int main(void) { return 0; }
