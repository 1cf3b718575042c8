/** See DESIGN.md, module store. */
package org.tumen.store;
