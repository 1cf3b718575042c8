/** See DESIGN.md, module simulate. */
package org.tumen.simulate;
